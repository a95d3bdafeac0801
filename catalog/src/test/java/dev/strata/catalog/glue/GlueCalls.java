package dev.strata.catalog.glue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionRequest;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequest;

/** Counts the Glue operations a client makes and the size of each partition batch; can act before a call of a given type. */
final class GlueCalls implements ExecutionInterceptor {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> batchSizes = new ConcurrentHashMap<>();
    private final Map<Class<?>, Runnable> beforeNext = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        Object request = context.request();
        Runnable action = beforeNext.remove(request.getClass());
        if (action != null) {
            action.run();
        }
        if (request instanceof BatchCreatePartitionRequest create) {
            batch(operation, create.partitionInputList().size());
        } else if (request instanceof BatchUpdatePartitionRequest update) {
            batch(operation, update.entries().size());
        } else if (request instanceof BatchDeletePartitionRequest delete) {
            batch(operation, delete.partitionsToDelete().size());
        }
    }

    int count(String operation) {
        AtomicInteger count = counts.get(operation);
        return count == null ? 0 : count.get();
    }

    List<Integer> batchSizes(String operation) {
        return List.copyOf(batchSizes.getOrDefault(operation, List.of()));
    }

    /** Runs the action once, just before the next request of this type is sent. */
    void beforeNext(Class<?> requestType, Runnable action) {
        beforeNext.put(requestType, action);
    }

    void clear() {
        counts.clear();
        batchSizes.clear();
        beforeNext.clear();
    }

    private void batch(String operation, int size) {
        batchSizes.computeIfAbsent(operation, o -> new CopyOnWriteArrayList<>()).add(size);
    }
}
