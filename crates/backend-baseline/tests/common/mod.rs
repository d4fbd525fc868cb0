//! Shared test support: a deterministic heap (nursery and slow path are bump
//! allocators that `reset` rewinds, so the IR interpreter and compiled code allocate at
//! the same addresses and reference words can be compared), a recording write barrier,
//! and runners that compare the backend with `ir::interpret`.

#![allow(dead_code)]

use std::cell::{Cell, RefCell};

use pyrs_backend_baseline::BaselineBackend;
use pyrs_jit_ir::testing::same_word;
use pyrs_jit_ir::{
    interpret, parse, Backend, Exit, ExitKind, ExitRef, JitEnv, Trace, TraceId, Type, WriteBarrier,
};

const SLOW_HEAP_WORDS: usize = 1 << 19;

thread_local! {
    /// The slow path's bump heap (leaked once per thread) and its free index.
    static SLOW_HEAP: &'static mut [u64] = Box::leak(vec![0u64; SLOW_HEAP_WORDS].into_boxed_slice());
    static SLOW_FREE: Cell<usize> = const { Cell::new(0) };
    static SLOW_CALLS: Cell<u64> = const { Cell::new(0) };
    static BARRIER_CALLS: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
    static EXC_PENDING: &'static Cell<u64> = Box::leak(Box::new(Cell::new(0)));
}

/// The allocation slow path: bump allocation in this thread's slow heap.
extern "C" fn slow_alloc(size: u64, header: u64) -> u64 {
    SLOW_CALLS.with(|c| c.set(c.get() + 1));
    let words = (size as usize).div_ceil(8).max(1);
    SLOW_HEAP.with(|heap| {
        let start = SLOW_FREE.with(|f| f.get());
        if start + words > SLOW_HEAP_WORDS {
            // Out of test heap: leak a fresh block (addresses stop being reproducible).
            let block: &'static mut [u64] = Box::leak(vec![0u64; words].into_boxed_slice());
            block[0] = header;
            return block.as_ptr() as u64;
        }
        SLOW_FREE.with(|f| f.set(start + words));
        let p = heap.as_ptr() as *mut u64;
        // SAFETY: `start..start + words` is inside this thread's leaked heap and not
        // handed out since the last reset.
        unsafe {
            std::ptr::write_bytes(p.add(start), 0, words);
            p.add(start).write(header);
            p.add(start) as u64
        }
    })
}

/// The write barrier's slow path: records the object.
extern "C" fn record_barrier(object: u64) {
    BARRIER_CALLS.with(|c| c.borrow_mut().push(object));
}

/// The header bit that selects the barrier's slow path in these tests.
pub const WB_FLAG: u64 = 1 << 40;

/// Nursery bounds as the env points to them.
#[repr(C)]
struct Bounds {
    free: usize,
    top: usize,
}

/// A deterministic test heap and the `JitEnv` using it.
pub struct Heap {
    pub env: JitEnv,
    bounds: *mut Bounds,
    nursery_start: usize,
    nursery_words: usize,
}

impl Heap {
    /// A heap with a nursery of `nursery_words` words (none if 0), and a write barrier
    /// testing [`WB_FLAG`] if `barrier`.
    pub fn new(nursery_words: usize, barrier: bool) -> Heap {
        let nursery: &'static mut [u64] =
            Box::leak(vec![0u64; nursery_words.max(1)].into_boxed_slice());
        let start = nursery.as_ptr() as usize;
        let bounds = Box::into_raw(Box::new(Bounds {
            free: start,
            top: start + nursery_words * 8,
        }));
        let (nursery_free, nursery_top) = if nursery_words == 0 {
            (std::ptr::null_mut(), std::ptr::null())
        } else {
            // SAFETY: `bounds` is a leaked, valid allocation.
            unsafe {
                (
                    std::ptr::addr_of_mut!((*bounds).free),
                    std::ptr::addr_of!((*bounds).top),
                )
            }
        };
        let env = JitEnv {
            class_offset: 8,
            exc_pending: EXC_PENDING.with(|c| c.as_ptr() as *const u64),
            alloc: slow_alloc,
            nursery_free,
            nursery_top,
            write_barrier: barrier.then_some(WriteBarrier {
                flag_mask: WB_FLAG,
                slow: record_barrier,
            }),
        };
        let heap = Heap {
            env,
            bounds,
            nursery_start: start,
            nursery_words,
        };
        heap.reset();
        heap
    }

    /// The same heap with a write barrier testing `mask`.
    pub fn with_barrier_mask(mut self, mask: u64) -> Heap {
        self.env.write_barrier = Some(WriteBarrier {
            flag_mask: mask,
            slow: record_barrier,
        });
        self
    }

    /// Fills the whole nursery with a non-zero pattern (allocation must zero it).
    pub fn poison_nursery(&self) {
        // SAFETY: the nursery is leaked memory owned by this heap.
        unsafe {
            std::ptr::write_bytes(self.nursery_start as *mut u64, 0xa5, self.nursery_words);
        }
    }

    /// Rewinds both allocators and clears the counters.
    pub fn reset(&self) {
        // SAFETY: `bounds` is leaked and only accessed by this thread.
        unsafe { (*self.bounds).free = self.nursery_start };
        SLOW_FREE.with(|f| f.set(0));
        SLOW_CALLS.with(|c| c.set(0));
        BARRIER_CALLS.with(|c| c.borrow_mut().clear());
        set_exception(0);
    }

    /// Bytes allocated in the nursery since the last reset.
    pub fn nursery_used(&self) -> usize {
        // SAFETY: as in `reset`.
        unsafe { (*self.bounds).free - self.nursery_start }
    }

    /// Makes the nursery end `words` words after its current free pointer.
    pub fn set_nursery_room(&self, words: usize) {
        // SAFETY: as in `reset`; the new top stays inside the leaked nursery.
        unsafe {
            let top =
                ((*self.bounds).free + words * 8).min(self.nursery_start + self.nursery_words * 8);
            (*self.bounds).top = top;
        }
    }

    /// Whether `p` points into the nursery.
    pub fn in_nursery(&self, p: u64) -> bool {
        let p = p as usize;
        p >= self.nursery_start && p < self.nursery_start + self.nursery_words * 8
    }
}

/// Calls of the allocation slow path since the last reset.
pub fn slow_calls() -> u64 {
    SLOW_CALLS.with(|c| c.get())
}

/// Objects the write barrier's slow path was called with since the last reset.
pub fn barrier_calls() -> Vec<u64> {
    BARRIER_CALLS.with(|c| c.borrow().clone())
}

/// Sets the exception-pending word of every test env on this thread.
pub fn set_exception(v: u64) {
    EXC_PENDING.with(|c| c.set(v));
}

/// Parses a trace, panicking with the parse error.
pub fn trace(text: &str) -> Trace {
    parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// An exit in a form both runners produce: the exit, and the exit values.
#[derive(Debug)]
pub struct Outcome {
    pub exit: ExitRef,
    pub values: Vec<u64>,
}

/// Runs loop `t` in the IR interpreter.
pub fn interpret_loop(t: &Trace, heap: &Heap, inputs: &[u64]) -> Outcome {
    heap.reset();
    // SAFETY: test traces only touch memory the tests own.
    let exit: Exit = unsafe { interpret(t, &heap.env, inputs, Some(1_000_000)) }
        .unwrap_or_else(|e| panic!("interpreter: {e}"));
    let id = match exit.kind {
        ExitKind::Guard(e) | ExitKind::Finish(e) => e,
        ExitKind::Jump(target) => panic!("the interpreter jumped to {target}"),
    };
    Outcome {
        exit: ExitRef {
            trace: t.id,
            exit: id,
        },
        values: exit.values,
    }
}

/// Compiles loop `t` on a fresh backend and runs it.
pub fn compile_and_run(t: &Trace, heap: &Heap, inputs: &[u64]) -> Outcome {
    let backend = BaselineBackend::new(heap.env);
    backend
        .compile_loop(t)
        .unwrap_or_else(|e| panic!("{e}\n{}", pyrs_jit_ir::print(t)));
    run_compiled(&backend, t, heap, inputs)
}

/// Runs compiled loop `id` on `backend` from `inputs` (heap rewound); returns the exit
/// and the whole jitframe.
pub fn execute_loop(
    backend: &dyn Backend,
    id: TraceId,
    heap: &Heap,
    inputs: &[u64],
) -> (ExitRef, Vec<u64>) {
    heap.reset();
    let size = backend.frame_size(id).expect("compiled");
    let mut frame = vec![0xdead_beefu64; size.max(inputs.len())];
    frame[..inputs.len()].copy_from_slice(inputs);
    // SAFETY: test traces only touch memory the tests own.
    let exit = unsafe { backend.execute(id, &mut frame) }.unwrap_or_else(|e| panic!("{e}"));
    (exit, frame)
}

/// Runs compiled loop `t` on `backend`; the exit must be one of `t`'s.
pub fn run_compiled(backend: &dyn Backend, t: &Trace, heap: &Heap, inputs: &[u64]) -> Outcome {
    let (exit, frame) = execute_loop(backend, t.id, heap, inputs);
    let n = t.exit_op(exit.exit).expect("an exit of the loop");
    let k = t.exit_args(n).len();
    Outcome {
        exit,
        values: frame[..k].to_vec(),
    }
}

/// Whether two outcomes of trace `t` agree (floats: NaN equals NaN).
pub fn same_outcome(t: &Trace, a: &Outcome, b: &Outcome) -> bool {
    if a.exit != b.exit || a.values.len() != b.values.len() {
        return false;
    }
    let Some(n) = t.exit_op(a.exit.exit) else {
        return false;
    };
    let types: Vec<Type> = t.exit_args(n).iter().map(|r| r.ty()).collect();
    types
        .iter()
        .zip(a.values.iter().zip(&b.values))
        .all(|(&ty, (&x, &y))| same_word(ty, x, y))
}

/// Runs loop `t` compiled and interpreted on `inputs` and asserts they agree; returns
/// the outcome.
pub fn check_with(t: &Trace, heap: &Heap, inputs: &[u64]) -> Outcome {
    let want = interpret_loop(t, heap, inputs);
    let want_barrier = barrier_calls();
    let want_slow = slow_calls();
    let got = compile_and_run(t, heap, inputs);
    assert!(
        same_outcome(t, &want, &got),
        "inputs {inputs:x?}\ninterpreter: {want:x?}\ncompiled:    {got:x?}\n{}",
        pyrs_jit_ir::print(t)
    );
    assert_eq!(barrier_calls(), want_barrier, "write barrier calls");
    assert_eq!(slow_calls(), want_slow, "allocation slow-path calls");
    got
}

/// Compiles loop `t` once and checks it against the interpreter on every input vector.
pub fn check_all(t: &Trace, heap: &Heap, inputs: &[Vec<u64>]) {
    let backend = BaselineBackend::new(heap.env);
    backend
        .compile_loop(t)
        .unwrap_or_else(|e| panic!("{e}\n{}", pyrs_jit_ir::print(t)));
    for ins in inputs {
        let want = interpret_loop(t, heap, ins);
        let want_barrier = barrier_calls();
        let got = run_compiled(&backend, t, heap, ins);
        assert!(
            same_outcome(t, &want, &got),
            "inputs {ins:x?}\ninterpreter: {want:x?}\ncompiled:    {got:x?}\n{}",
            pyrs_jit_ir::print(t)
        );
        assert_eq!(barrier_calls(), want_barrier, "write barrier calls");
    }
}

/// Every pair of `words`.
pub fn pairs(words: &[u64]) -> Vec<Vec<u64>> {
    let mut out = Vec::new();
    for &a in words {
        for &b in words {
            out.push(vec![a, b]);
        }
    }
    out
}

/// The bits of [`INTS`].
pub fn int_words() -> Vec<u64> {
    INTS.iter().map(|&i| i as u64).collect()
}

/// The bits of [`FLOATS`].
pub fn float_words() -> Vec<u64> {
    FLOATS.iter().map(|f| f.to_bits()).collect()
}

/// [`check_with`] on a plain heap (no nursery, no barrier).
pub fn check(text: &str, inputs: &[u64]) -> Outcome {
    let t = trace(text);
    check_with(&t, &Heap::new(0, false), inputs)
}

/// A hand-written loop: `label` over the inputs, then `body`; `descr` lines of `body`
/// are moved before the inputs.
pub fn loop_of(inputs: &str, body: &str) -> String {
    let names: Vec<&str> = inputs
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let (descrs, ops): (Vec<&str>, Vec<&str>) = body
        .lines()
        .partition(|l| l.trim_start().starts_with("descr "));
    format!(
        "trace T1 loop\n{}\n[{}]\nlabel({})\n{}\n",
        descrs.join("\n"),
        names.join(", "),
        names.join(", "),
        ops.join("\n")
    )
}

/// Interesting integer words.
pub const INTS: &[i64] = &[
    0,
    1,
    -1,
    2,
    3,
    7,
    -7,
    63,
    64,
    65,
    100,
    -100,
    i32::MAX as i64,
    i32::MIN as i64,
    u32::MAX as i64,
    i64::MAX,
    i64::MIN,
    i64::MAX - 1,
    i64::MIN + 1,
    0x5555_5555_5555_5555,
];

/// Interesting float values.
pub const FLOATS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.5,
    2.25,
    1e300,
    -1e300,
    5e-324,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    f64::MAX,
    f64::MIN_POSITIVE,
    9.2e18,
    -9.2e18,
];
