package dev.strata.samples.telemetry;

import dev.strata.samples.DenverGeography;
import dev.strata.samples.DenverGeography.Street;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The roads vehicles drive: Denver's street grid as a graph whose nodes are the intersections of its
 * north-south and east-west streets and whose edges are the stretches of one street between two
 * intersections, each with the street's speed limit. Trips take the quickest way along it.
 */
final class RoadGrid {

    /** Mean Earth radius (IUGG), in metres: the same the bundled spec's haversine uses. */
    static final double EARTH_RADIUS_M = 6_371_008.8;

    /** An intersection. */
    record Node(int id, double latitude, double longitude, String name) {
        Node {
            Objects.requireNonNull(name, "name is null");
        }
    }

    /** A stretch of one street between two intersections. */
    record Edge(int from, int to, double metres, double limitKmh, String street) {
        Edge {
            Objects.requireNonNull(street, "street is null");
        }
    }

    private final List<Node> nodes;
    private final List<List<Edge>> edges;
    /** The nodes of the largest connected part, where every trip starts and ends. */
    private final int[] reachable;

    private RoadGrid(List<Node> nodes, List<List<Edge>> edges) {
        this.nodes = List.copyOf(nodes);
        this.edges = edges.stream().map(List::copyOf).toList();
        this.reachable = largestComponent();
    }

    /** Denver's arterial grid. */
    static RoadGrid denver() {
        List<Street> streets = DenverGeography.streets();
        List<Node> nodes = new ArrayList<>();
        List<List<Integer>> onStreet = new ArrayList<>();
        streets.forEach(s -> onStreet.add(new ArrayList<>()));
        for (int a = 0; a < streets.size(); a++) {
            Street ns = streets.get(a);
            if (!ns.northSouth()) {
                continue;
            }
            for (int b = 0; b < streets.size(); b++) {
                Street ew = streets.get(b);
                if (ew.northSouth()) {
                    continue;
                }
                boolean crosses = ew.position() >= ns.from() && ew.position() <= ns.to()
                        && ns.position() >= ew.from() && ns.position() <= ew.to();
                if (crosses) {
                    int id = nodes.size();
                    nodes.add(new Node(id, ew.position(), ns.position(), ns.name() + " & " + ew.name()));
                    onStreet.get(a).add(id);
                    onStreet.get(b).add(id);
                }
            }
        }
        List<List<Edge>> edges = new ArrayList<>();
        nodes.forEach(n -> edges.add(new ArrayList<>()));
        for (int s = 0; s < streets.size(); s++) {
            Street street = streets.get(s);
            List<Integer> along = new ArrayList<>(onStreet.get(s));
            along.sort(Comparator.comparingDouble(id -> street.northSouth() ? nodes.get(id).latitude()
                    : nodes.get(id).longitude()));
            double limit = limitKmh(street.name());
            for (int i = 1; i < along.size(); i++) {
                Node a = nodes.get(along.get(i - 1));
                Node b = nodes.get(along.get(i));
                double metres = metres(a.latitude(), a.longitude(), b.latitude(), b.longitude());
                edges.get(a.id()).add(new Edge(a.id(), b.id(), metres, limit, street.name()));
                edges.get(b.id()).add(new Edge(b.id(), a.id(), metres, limit, street.name()));
            }
        }
        return new RoadGrid(nodes, edges);
    }

    /** Posted limits by kind of street, in km/h: Pena Blvd is the airport freeway. */
    static double limitKmh(String street) {
        String name = street.toLowerCase(Locale.ROOT);
        if (name.equals("pena blvd")) {
            return 105;
        }
        if (name.endsWith(" rd")) {
            return 72;
        }
        if (name.endsWith(" blvd") || name.endsWith(" pkwy")) {
            return 56;
        }
        if (name.endsWith(" ave") || name.endsWith(" dr")) {
            return 48;
        }
        return 40;
    }

    /** The great-circle distance in metres (haversine, {@link #EARTH_RADIUS_M}). */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
    }

    Node node(int id) {
        return nodes.get(id);
    }

    int size() {
        return nodes.size();
    }

    /** The reachable intersection nearest to a place. */
    int nearest(double latitude, double longitude) {
        int best = reachable[0];
        double bestMetres = Double.MAX_VALUE;
        for (int id : reachable) {
            double m = metres(latitude, longitude, nodes.get(id).latitude(), nodes.get(id).longitude());
            if (m < bestMetres) {
                bestMetres = m;
                best = id;
            }
        }
        return best;
    }

    /** The reachable intersections between {@code min} and {@code max} metres (straight line) from {@code from}. */
    List<Integer> around(int from, double min, double max) {
        Node origin = nodes.get(from);
        List<Integer> found = new ArrayList<>();
        for (int id : reachable) {
            double m = metres(origin.latitude(), origin.longitude(), nodes.get(id).latitude(), nodes.get(id).longitude());
            if (m >= min && m <= max) {
                found.add(id);
            }
        }
        return found;
    }

    /**
     * The quickest way from one intersection to another at the streets' limits, as the edges driven in order
     * (empty when they are the same). Ties go to the lower node id, so a route is the same on every run.
     */
    List<Edge> route(int from, int to) {
        double[] seconds = new double[nodes.size()];
        Arrays.fill(seconds, Double.POSITIVE_INFINITY);
        Edge[] via = new Edge[nodes.size()];
        seconds[from] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>(Comparator.<double[]>comparingDouble(e -> e[0])
                .thenComparingDouble(e -> e[1]));
        queue.add(new double[] {0, from});
        while (!queue.isEmpty()) {
            double[] head = queue.poll();
            int at = (int) head[1];
            if (head[0] > seconds[at]) {
                continue;
            }
            if (at == to) {
                break;
            }
            for (Edge e : edges.get(at)) {
                // a turn costs about 15 seconds, so routes keep to few streets
                double turn = via[at] != null && !via[at].street().equals(e.street()) ? 15 : 0;
                double t = seconds[at] + e.metres() / (e.limitKmh() / 3.6) + turn;
                if (t < seconds[e.to()]) {
                    seconds[e.to()] = t;
                    via[e.to()] = e;
                    queue.add(new double[] {t, e.to()});
                }
            }
        }
        if (from != to && via[to] == null) {
            throw new IllegalStateException("no road from " + nodes.get(from).name() + " to " + nodes.get(to).name());
        }
        ArrayDeque<Edge> path = new ArrayDeque<>();
        for (int at = to; at != from; at = via[at].from()) {
            path.addFirst(via[at]);
        }
        return List.copyOf(path);
    }

    private int[] largestComponent() {
        int[] component = new int[nodes.size()];
        Arrays.fill(component, -1);
        int best = -1;
        int bestSize = 0;
        for (int start = 0; start < nodes.size(); start++) {
            if (component[start] >= 0) {
                continue;
            }
            int size = 0;
            ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(start));
            component[start] = start;
            while (!todo.isEmpty()) {
                int at = todo.poll();
                size++;
                for (Edge e : edges.get(at)) {
                    if (component[e.to()] < 0) {
                        component[e.to()] = start;
                        todo.add(e.to());
                    }
                }
            }
            if (size > bestSize) {
                bestSize = size;
                best = start;
            }
        }
        int label = best;
        return java.util.stream.IntStream.range(0, nodes.size()).filter(i -> component[i] == label).toArray();
    }
}
