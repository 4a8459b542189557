package dev.mfaportal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs {@code count} requests from as many threads, released together by one start gate, for the race tests. */
public final class Concurrently {

	private Concurrently() {
	}

	public static <T> List<T> run(int count, IntFunction<Callable<T>> request) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch gate = new CountDownLatch(1);
			List<Future<T>> answers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Callable<T> call = request.apply(i);
				answers.add(threads.submit(() -> {
					gate.await();
					return call.call();
				}));
			}
			gate.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> answer : answers) {
				results.add(answer.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
