package dev.epsilon.benchmarks;

import dev.epsilon.nfi.CType;
import dev.epsilon.nfi.CallbackStub;
import dev.epsilon.nfi.CallbackTarget;
import dev.epsilon.nfi.ForeignException;
import dev.epsilon.nfi.Signature;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * qsort of 100,000 ints with a Lisp comparator beside the same qsort with a Java comparator in a
 * raw FFM upcall stub; and the cost of making and freeing one callback beside one FFM upcall stub.
 *
 * <p>Where a callback's time goes, layer by layer, with comparators that read nothing (glibc's
 * merge sort then makes half the calls a real comparator does): the raw FFM upcall stub
 * ({@code qsortFfmRawEmptyComparator}); the same through Epsilon's {@link CallbackStub} and a Java
 * target, so the argument passing of the foreign layer without Truffle
 * ({@code qsortStubJavaEmptyComparator}); and the whole Lisp callback, which adds the context check,
 * the entry into Truffle's compiled code and the conversions ({@code qsortLispEmptyComparator}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CallbackBenchmark {
    static final int N = 100_000;

    private Context context;
    private Value lispSort;
    private Value lispSortNothing;
    private MemorySegment javaComparatorNothing;
    private Value lispChurn;
    private MethodHandle qsort;
    private MemorySegment javaComparator;
    private Arena arena;
    private MemorySegment data;
    private int[] input;
    private MethodHandle compareTarget;
    private FunctionDescriptor compareDescriptor;
    private CallbackStub stubJavaNothing;

    /** A comparator that reads nothing: what is left is the cost of getting into it and back. */
    static int compareNothing(MemorySegment a, MemorySegment b) {
        return 0;
    }

    static int compare(MemorySegment a, MemorySegment b) {
        return Integer.compare(a.reinterpret(4).get(ValueLayout.JAVA_INT, 0), b.reinterpret(4).get(ValueLayout.JAVA_INT, 0));
    }

    @Setup(Level.Trial)
    public void setUp() throws ReflectiveOperationException {
        input = new Random(7).ints(N).toArray();
        context = Context.newBuilder("epsilon").allowNativeAccess(true).build();
        context.eval("epsilon", """
                (defcallback compare-ints :int ((a :pointer) (b :pointer))
                  (let ((x (mem-ref a :int)) (y (mem-ref b :int)))
                    (cond ((< x y) -1) ((> x y) 1) (t 0))))
                (defun sort-ints (v)
                  (with-pinned-array (p v)
                    (shared-call '("qsort" "libc") :void '(:pointer :size :size :pointer) p (length v) 4 (callback 'compare-ints)))
                  v)
                (defcallback compare-nothing :int ((a :pointer) (b :pointer))
                  (declare (ignore a b))
                  0)
                (defun sort-ints-with-nothing (v)
                  (with-pinned-array (p v)
                    (shared-call '("qsort" "libc") :void '(:pointer :size :size :pointer) p (length v) 4 (callback 'compare-nothing)))
                  v)
                (defun churn () (free-callback (make-callback (lambda (x) x) :int '(:int))))
                (defvar *input* (make-array 100000 :element-type '(signed-byte 32)))
                (defvar *work* (make-array 100000 :element-type '(signed-byte 32)))
                (defun sort-fresh ()
                  (let ((in *input*) (work *work*))
                    (dotimes (i 100000) (setf (aref work i) (aref in i)))
                    (sort-ints work)))
                (defun sort-fresh-with-nothing ()
                  (let ((in *input*) (work *work*))
                    (dotimes (i 100000) (setf (aref work i) (aref in i)))
                    (sort-ints-with-nothing work)))
                """);
        Value setter = context.eval("epsilon", "(lambda (i x) (setf (aref *input* i) x))");
        for (int i = 0; i < N; i++) {
            setter.execute(i, input[i]);
        }
        lispSort = context.eval("epsilon", "(function sort-fresh)");
        lispSortNothing = context.eval("epsilon", "(function sort-fresh-with-nothing)");
        lispChurn = context.eval("epsilon", "(function churn)");
        Linker linker = Linker.nativeLinker();
        qsort = linker.downcallHandle(linker.defaultLookup().find("qsort").orElseThrow(), FunctionDescriptor.ofVoid(
                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        compareTarget = MethodHandles.lookup().findStatic(CallbackBenchmark.class, "compare",
                MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
        compareDescriptor = FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS);
        arena = Arena.ofShared();
        javaComparator = linker.upcallStub(compareTarget, compareDescriptor, arena);
        javaComparatorNothing = linker.upcallStub(MethodHandles.lookup().findStatic(CallbackBenchmark.class, "compareNothing",
                MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class)), compareDescriptor, arena);
        data = arena.allocate(4L * N, 8);
        stubJavaNothing = new CallbackStub(new CallbackTarget() {
            @Override
            public Object invoke(Object[] cArguments) {
                return 0L;
            }

            @Override
            public Object reject(ForeignException failure) {
                return null;
            }

            @Override
            public long invokeLongs(long a0, long a1, long a2, long a3, long a4, long a5) {
                return 0L;
            }
        }, new Signature(CType.INT32, List.of(CType.POINTER, CType.POINTER), null));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
        stubJavaNothing.free();
        arena.close();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object qsortLispComparator() {
        return lispSort.execute();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object qsortFfmRaw() throws Throwable {
        return sortWith(javaComparator);
    }

    /** Raw FFM: the input copied to native memory, then qsort with {@code comparator}. */
    private Object sortWith(MemorySegment comparator) throws Throwable {
        MemorySegment.copy(input, 0, data, ValueLayout.JAVA_INT, 0, N);
        qsort.invokeExact(data, (long) N, 4L, comparator);
        return data;
    }

    /** Where the callback time goes: the same sort with comparators that read nothing (getting in and out). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object qsortLispEmptyComparator() {
        return lispSortNothing.execute();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object qsortFfmRawEmptyComparator() throws Throwable {
        return sortWith(javaComparatorNothing);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object qsortStubJavaEmptyComparator() throws Throwable {
        return sortWith(MemorySegment.ofAddress(stubJavaNothing.address()));
    }

    /** Named so the ratio column compares the callback cost with the raw FFM upcall stub. */
    @Benchmark
    public Object callbackCreateFree() {
        return lispChurn.execute();
    }

    @Benchmark
    public Object ffmUpcallStubCreateFree() {
        try (Arena a = Arena.ofShared()) {
            return Linker.nativeLinker().upcallStub(compareTarget, compareDescriptor, a).address();
        }
    }
}
