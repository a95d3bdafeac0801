package dev.strata.etl.cli;

import dev.strata.catalog.CatalogServiceException;
import dev.strata.catalog.warehouse.WarehouseLoadException;
import dev.strata.etl.DataQualityFailure;
import dev.strata.etl.ServiceFailure;
import dev.strata.etl.UserError;
import dev.strata.etl.engine.Pipelines.Stage;
import dev.strata.etl.run.PipelineLock;
import dev.strata.etl.spec.SpecException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.ParseException;

/**
 * {@code strata <command> [options]}. Exit codes: 0 ok; 1 failure (with its cause); 2 a user mistake
 * (one line saying what to fix); 3 a data-quality failure; 4 an external service failure.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USER_ERROR = 2;
    public static final int DATA_QUALITY = 3;
    public static final int SERVICE = 4;

    private final Console console;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(java.io.PrintStream out, java.io.PrintStream err) {
        this.console = new Console(Objects.requireNonNull(out, "out is null"), Objects.requireNonNull(err, "err is null"));
        add(new PipelineCommand("ingest", "copy new source files into the raw zone (by checksum)",
                List.of(Stage.INGEST)));
        add(new PipelineCommand("clean", "parse, validate and deduplicate new raw batches into clean Delta tables",
                List.of(Stage.CLEAN)));
        add(new PipelineCommand("curate", "build the curated tables from the clean zone", List.of(Stage.CURATE)));
        add(new PipelineCommand("run", "ingest, clean, resolve identities (if the spec says how) and curate in one go",
                List.of(Stage.INGEST, Stage.CLEAN, Stage.IDENTITY, Stage.CURATE, Stage.VIEWS)));
        add(new ReplayCommand());
        add(new ViewsCommand());
        add(new DashboardCommand());
        add(new ValidateCommand());
        add(new RunsCommand());
        add(new SqlCommand());
        add(new GenerateCommand());
        add(new DemoCommand());
        add(new OmopCommand());
        add(new IdentityCommand());
        add(PublishCommand.publish());
        add(PublishCommand.redshift());
        add(new CatalogCommand());
        add(new BenchCommand());
    }

    private void add(Command command) {
        commands.put(command.name(), command);
    }

    public int run(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            console.out().print(overview());
            return args.length == 0 ? USER_ERROR : OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            console.err().println("strata: unknown command '" + args[0] + "'; commands: "
                    + String.join(", ", commands.keySet()));
            return USER_ERROR;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            if (command.needsSampleGenerators()) {
                SampleGenerators.require(command.name());
            }
            CommandLine line = new DefaultParser().parse(command.options(), rest);
            if (line.hasOption("help")) {
                console.out().print(help(command));
                return OK;
            }
            return command.execute(line, console);
        } catch (ParseException e) {
            console.err().println("strata " + command.name() + ": " + e.getMessage() + " (see strata " + command.name()
                    + " --help)");
            return USER_ERROR;
        } catch (UserError | SpecException e) {
            console.err().println("strata " + command.name() + ": " + e.getMessage());
            return USER_ERROR;
        } catch (DataQualityFailure e) {
            console.err().println("strata " + command.name() + ": data quality failure: " + e.getMessage());
            return DATA_QUALITY;
        } catch (ServiceFailure e) {
            console.err().println("strata " + command.name() + ": service failure: " + firstLine(e.getMessage()));
            return SERVICE;
        } catch (CatalogServiceException | WarehouseLoadException e) {
            console.err().println(serviceFailure(command, e));
            return SERVICE;
        } catch (PipelineLock.PipelineBusy e) {
            console.err().println("strata " + command.name() + ": " + e.getMessage());
            return FAILURE;
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof UserError) {
                console.err().println("strata " + command.name() + ": " + root.getMessage());
                return USER_ERROR;
            }
            for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
                if (cause instanceof CatalogServiceException || cause instanceof WarehouseLoadException
                        || cause instanceof ServiceFailure) {
                    console.err().println(serviceFailure(command, (RuntimeException) cause));
                    return SERVICE;
                }
            }
            console.err().println("strata " + command.name() + ": failed: " + e.getClass().getSimpleName() + ": "
                    + firstLine(e.getMessage()) + (root != e ? " (cause: " + root.getClass().getSimpleName() + ": "
                    + firstLine(root.getMessage()) + ")" : ""));
            if (System.getenv("STRATA_DEBUG") != null) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                console.err().print(trace);
            } else {
                console.err().println("(set STRATA_DEBUG=1 for the stack trace)");
            }
            return FAILURE;
        }
    }

    /** One line for a failed Glue, SNS or warehouse call, saying whether running again may help. */
    private static String serviceFailure(Command command, RuntimeException failure) {
        String advice = failure instanceof CatalogServiceException catalog && !catalog.retryable()
                ? " (running again will not help until this is fixed)" : "";
        return "strata " + command.name() + ": service failure: " + firstLine(failure.getMessage()) + advice;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.split("\n")[0];
    }

    private String overview() {
        StringBuilder out = new StringBuilder("usage: strata <command> [options]   (strata <command> --help)\n\n");
        for (Command c : commands.values()) {
            out.append(String.format("  %-9s %s%n", c.name(), c.summary()));
        }
        out.append("\nexit codes: 0 ok, 1 failure, 2 user mistake, 3 data-quality failure, 4 service failure\n");
        return out.toString();
    }

    private static String help(Command command) {
        StringWriter text = new StringWriter();
        HelpFormatter formatter = new HelpFormatter();
        formatter.setWidth(100);
        formatter.printHelp(new PrintWriter(text), 100, "strata " + command.name() + " " + command.usage(),
                command.summary(), command.options(), 2, 2, "");
        return text.toString();
    }
}
