package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A pool's values depend on its seed and expression alone: not on the thread, nor on what its Faker made before. */
class FakerPoolsTest {

    private static final String EXPRESSION = "#{Name.fullName}";

    @Test
    void aPoolIsTheSameWhateverItsFakerMadeBeforeAndAfterTheWarmUp() throws Exception {
        List<String> fresh = onANewThread(() -> values(new FakerPools(42)));

        FakerPools.warmUp();
        List<String> afterOthers =
                onANewThread(
                        () -> {
                            FakerPools other = new FakerPools(7);
                            other.pool("#{Address.city}").size();
                            other.regexPool("[A-Z]{3}-[0-9]{4}").size();
                            other.pool("#{Lorem.sentence}").size();
                            return values(new FakerPools(42));
                        });

        assertThat(afterOthers).hasSize(FakerPools.SIZE).isEqualTo(fresh);
        assertThat(onANewThread(() -> values(new FakerPools(43)))).isNotEqualTo(fresh);
    }

    private static List<String> values(FakerPools pools) {
        FakerPools.Pool pool = pools.pool(EXPRESSION);
        return IntStream.range(0, pool.size()).mapToObj(pool::at).toList();
    }

    private static <T> T onANewThread(java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(task).get(60, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }
}
