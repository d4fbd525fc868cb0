//! [`interpret`]: the IR's reference semantics. Backends are tested against it.
//!
//! Values live in a plain vector, so a call that collects and moves objects would leave
//! stale `Ref`s behind: use it with calls that do not collect, or with a non-moving heap.

use std::fmt;

use crate::descr::{ArrayDescr, Descr, FieldDescr};
use crate::env::JitEnv;
use crate::ids::{ExitId, TraceId};
use crate::opcode::Opcode;
use crate::trace::{Op, Trace};
use crate::types::{OpRef, Type};
use crate::verify::{verify, VerifyError};

mod memory;

use memory::{call, item_address, load, nonnull, store};

/// How a run of a trace ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitKind {
    /// A guard failed.
    Guard(ExitId),
    /// A `finish` was reached.
    Finish(ExitId),
    /// A `jump` to another trace's loop header was reached.
    Jump(TraceId),
}

/// Where a run left the trace and with which values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exit {
    /// Which exit.
    pub kind: ExitKind,
    /// Index of the op that left.
    pub op: usize,
    /// The exit values: a guard's fail args, or the `finish` / `jump` operands.
    pub values: Vec<u64>,
}

/// Why a run could not complete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InterpError {
    /// The trace does not verify.
    Invalid(VerifyError),
    /// `inputs` has the wrong length.
    InputCount {
        /// The trace's input count.
        expected: usize,
        /// The number given.
        got: usize,
    },
    /// More loop iterations than allowed.
    IterationLimit(u64),
    /// Op `n` has operands for which it is undefined (division by zero, `i64::MIN / -1`,
    /// a float out of the `i64` range, a negative array length).
    Undefined(usize),
    /// Op `n` dereferences a null address or calls address 0.
    Null(usize),
    /// The allocation hook returned 0 at op `n`.
    AllocFailed(usize),
    /// The trace has no label to enter.
    NoLabel,
}

impl fmt::Display for InterpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InterpError::Invalid(e) => write!(f, "invalid trace: {e}"),
            InterpError::InputCount { expected, got } => {
                write!(f, "the trace takes {expected} inputs, got {got}")
            }
            InterpError::IterationLimit(n) => write!(f, "stopped after {n} iterations"),
            InterpError::Undefined(n) => write!(f, "op {n} is undefined for its operands"),
            InterpError::Null(n) => write!(f, "op {n} uses a null address"),
            InterpError::AllocFailed(n) => write!(f, "allocation failed at op {n}"),
            InterpError::NoLabel => f.write_str("the trace has no label to enter"),
        }
    }
}

impl std::error::Error for InterpError {}

/// Runs `trace` from `inputs` (one word per input) until it leaves: a guard fails, a
/// `finish` is reached, or a `jump` goes to another trace. A `jump` to its own label loops
/// (at most `max_iterations` times, if given). The trace is verified first.
///
/// # Safety
/// The trace's memory ops, calls and guards dereference the addresses it computes, and
/// `env`'s pointers and hooks are used: all of them must be valid for what the trace does,
/// exactly as for compiled code.
pub unsafe fn interpret(
    trace: &Trace,
    env: &JitEnv,
    inputs: &[u64],
    max_iterations: Option<u64>,
) -> Result<Exit, InterpError> {
    verify(trace).map_err(InterpError::Invalid)?;
    if inputs.len() != trace.inputs.len() {
        return Err(InterpError::InputCount {
            expected: trace.inputs.len(),
            got: inputs.len(),
        });
    }
    let mut m = Machine::new(trace, env);
    m.vals[..inputs.len()].copy_from_slice(inputs);
    // SAFETY: forwarded from this function's contract.
    unsafe { m.run(0, max_iterations) }
}

/// Runs loop `trace` entered at its loop header (its last `label`) with `args` bound to
/// the label's operands: what a `jump` from another trace (a bridge) does.
///
/// # Safety
/// As for [`interpret`].
pub unsafe fn interpret_from_loop_header(
    trace: &Trace,
    env: &JitEnv,
    args: &[u64],
    max_iterations: Option<u64>,
) -> Result<Exit, InterpError> {
    verify(trace).map_err(InterpError::Invalid)?;
    let Some(label) = trace.loop_label() else {
        return Err(InterpError::NoLabel);
    };
    let expected = trace.ops[label].args.len();
    if args.len() != expected {
        return Err(InterpError::InputCount {
            expected,
            got: args.len(),
        });
    }
    let mut m = Machine::new(trace, env);
    m.bind_label(label, args);
    // SAFETY: forwarded from this function's contract.
    unsafe { m.run(label + 1, max_iterations) }
}

enum Step {
    Next,
    Leave(ExitKind),
    Loop,
}

struct Machine<'a> {
    trace: &'a Trace,
    env: &'a JitEnv,
    vals: Vec<u64>,
    overflowed: bool,
}

/// An inconsistency `verify` rules out, reported rather than trusted.
fn malformed(n: usize, missing: &str) -> InterpError {
    InterpError::Invalid(VerifyError {
        op: Some(n),
        message: format!("no {missing}"),
    })
}

fn bool_word(b: bool) -> u64 {
    b as u64
}

fn f(bits: u64) -> f64 {
    f64::from_bits(bits)
}

impl<'a> Machine<'a> {
    fn new(trace: &'a Trace, env: &'a JitEnv) -> Machine<'a> {
        Machine {
            trace,
            env,
            vals: vec![0; trace.num_values()],
            overflowed: false,
        }
    }

    /// Binds the operands of label `label` to `args`.
    fn bind_label(&mut self, label: usize, args: &[u64]) {
        for (&r, &v) in self.trace.ops[label].args.iter().zip(args) {
            self.vals[r.index() as usize] = v;
        }
    }

    /// Runs from op `start` until the trace leaves.
    ///
    /// # Safety
    /// As for [`interpret`].
    unsafe fn run(
        &mut self,
        start: usize,
        max_iterations: Option<u64>,
    ) -> Result<Exit, InterpError> {
        let trace = self.trace;
        let mut iterations = 0u64;
        let mut n = start;
        loop {
            let op = &trace.ops[n];
            // SAFETY: forwarded from this function's contract.
            match unsafe { self.step(n, op) }? {
                Step::Next => n += 1,
                Step::Leave(kind) => {
                    let refs = match kind {
                        ExitKind::Guard(_) => trace.exit_args(n),
                        _ => op.args.to_vec(),
                    };
                    let values = refs.iter().map(|&r| self.get(r)).collect();
                    return Ok(Exit {
                        kind,
                        op: n,
                        values,
                    });
                }
                Step::Loop => {
                    iterations += 1;
                    if max_iterations.is_some_and(|max| iterations > max) {
                        return Err(InterpError::IterationLimit(iterations - 1));
                    }
                    let label = trace.loop_label().ok_or(InterpError::NoLabel)?;
                    let carried: Vec<u64> = op.args.iter().map(|&r| self.get(r)).collect();
                    self.bind_label(label, &carried);
                    n = label + 1;
                }
            }
        }
    }

    fn get(&self, r: OpRef) -> u64 {
        match self.trace.konst(r) {
            Some(c) => c.bits,
            None => self.vals[r.index() as usize],
        }
    }

    fn descr(&self, op: &Op) -> Option<&Descr> {
        op.descr.and_then(|d| self.trace.descr(d))
    }

    /// Executes op `n`.
    ///
    /// # Safety
    /// As for [`interpret`].
    unsafe fn step(&mut self, n: usize, op: &Op) -> Result<Step, InterpError> {
        use Opcode::*;
        let a = |i: usize| self.get(op.args[i]);
        let exit = || op.exit.ok_or_else(|| malformed(n, "exit id"));
        let guard = |ok: bool| {
            Ok(if ok {
                Step::Next
            } else {
                Step::Leave(ExitKind::Guard(exit()?))
            })
        };
        let int2 = |g: fn(i64, i64) -> i64| g(a(0) as i64, a(1) as i64) as u64;
        let cmp = |g: fn(i64, i64) -> bool| bool_word(g(a(0) as i64, a(1) as i64));
        let fl2 = |g: fn(f64, f64) -> f64| g(f(a(0)), f(a(1))).to_bits();
        let fcmp = |g: fn(f64, f64) -> bool| bool_word(g(f(a(0)), f(a(1))));
        let result = match op.opcode {
            Label | DebugMergePoint => return Ok(Step::Next),
            Jump => {
                return Ok(match self.descr(op).and_then(Descr::as_target) {
                    Some(t) => Step::Leave(ExitKind::Jump(t.trace)),
                    None => Step::Loop,
                })
            }
            Finish => return Ok(Step::Leave(ExitKind::Finish(exit()?))),

            GuardTrue => return guard(a(0) != 0),
            GuardFalse => return guard(a(0) == 0),
            GuardValue => return guard(a(0) == a(1)),
            GuardNonnull => return guard(a(0) != 0),
            GuardIsnull => return guard(a(0) == 0),
            GuardNoOverflow => return guard(!self.overflowed),
            GuardOverflow => return guard(self.overflowed),
            GuardClass => {
                let addr = nonnull(n, a(0))?.wrapping_add(self.env.class_offset as u64);
                // SAFETY: the caller vouches for the trace's addresses (guard_class reads
                // the class word of a non-null object).
                return guard(unsafe { load(addr, 8, false) } == a(1));
            }
            GuardNoException => {
                let addr = nonnull(n, self.env.exc_pending as u64)?;
                // SAFETY: `exc_pending` is valid per the caller's contract.
                return guard(unsafe { load(addr, 8, false) } == 0);
            }
            GuardNotInvalidated => {
                let addr = nonnull(n, a(0))?;
                // SAFETY: the flag address comes from the trace, vouched for by the caller.
                return guard(unsafe { load(addr, 8, false) } == 0);
            }

            IntAdd => int2(i64::wrapping_add),
            IntSub => int2(i64::wrapping_sub),
            IntMul => int2(i64::wrapping_mul),
            IntAddOvf | IntSubOvf | IntMulOvf => {
                let (x, y) = (a(0) as i64, a(1) as i64);
                let (r, o) = match op.opcode {
                    IntAddOvf => x.overflowing_add(y),
                    IntSubOvf => x.overflowing_sub(y),
                    _ => x.overflowing_mul(y),
                };
                self.overflowed = o;
                r as u64
            }
            IntAnd => a(0) & a(1),
            IntOr => a(0) | a(1),
            IntXor => a(0) ^ a(1),
            IntLshift => a(0).wrapping_shl(a(1) as u32),
            IntRshift => (a(0) as i64).wrapping_shr(a(1) as u32) as u64,
            UintRshift => a(0).wrapping_shr(a(1) as u32),
            IntNeg => (a(0) as i64).wrapping_neg() as u64,
            IntInvert => !a(0),
            IntFloordiv | IntMod => {
                let (x, y) = (a(0) as i64, a(1) as i64);
                let r = if op.opcode == IntFloordiv {
                    x.checked_div(y)
                } else {
                    x.checked_rem(y)
                };
                r.ok_or(InterpError::Undefined(n))? as u64
            }
            IntLt => cmp(|x, y| x < y),
            IntLe => cmp(|x, y| x <= y),
            IntEq => cmp(|x, y| x == y),
            IntNe => cmp(|x, y| x != y),
            IntGt => cmp(|x, y| x > y),
            IntGe => cmp(|x, y| x >= y),
            UintLt => bool_word(a(0) < a(1)),
            UintGe => bool_word(a(0) >= a(1)),
            IntIsTrue => bool_word(a(0) != 0),
            IntIsZero => bool_word(a(0) == 0),

            FloatAdd => fl2(|x, y| x + y),
            FloatSub => fl2(|x, y| x - y),
            FloatMul => fl2(|x, y| x * y),
            FloatTruediv => fl2(|x, y| x / y),
            FloatNeg => a(0) ^ (1 << 63),
            FloatAbs => a(0) & !(1 << 63),
            FloatLt => fcmp(|x, y| x < y),
            FloatLe => fcmp(|x, y| x <= y),
            FloatEq => fcmp(|x, y| x == y),
            FloatNe => fcmp(|x, y| x != y),
            FloatGt => fcmp(|x, y| x > y),
            FloatGe => fcmp(|x, y| x >= y),
            CastIntToFloat => (a(0) as i64 as f64).to_bits(),
            CastFloatToInt => {
                let x = f(a(0));
                // The i64 range is [-2^63, 2^63); NaN is in no range.
                const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2^63, exactly representable
                if !(-LIMIT..LIMIT).contains(&x) {
                    return Err(InterpError::Undefined(n));
                }
                x as i64 as u64
            }
            FloatSqrt => f(a(0)).sqrt().to_bits(),

            PtrEq => bool_word(a(0) == a(1)),
            PtrNe => bool_word(a(0) != a(1)),
            CastPtrToInt | CastIntToPtr | SameAsI | SameAsF | SameAsR => a(0),

            GetfieldGcI | GetfieldGcF | GetfieldGcR | GetfieldRawI => {
                let d = self.field(n, op)?;
                let addr = nonnull(n, a(0))?.wrapping_add(d.offset as u64);
                // SAFETY: the caller vouches for the trace's addresses.
                unsafe { load(addr, d.size, d.signed) }
            }
            SetfieldGc | SetfieldRaw => {
                let d = self.field(n, op)?;
                let obj = nonnull(n, a(0))?;
                if op.opcode == SetfieldGc && d.ty == Type::Ref {
                    // SAFETY: `obj` is a GC object (caller's contract); it has a header.
                    unsafe { self.write_barrier(obj) };
                }
                // SAFETY: the caller vouches for the trace's addresses.
                unsafe { store(obj.wrapping_add(d.offset as u64), d.size, a(1)) };
                return Ok(Step::Next);
            }
            GetarrayitemGcI | GetarrayitemGcF | GetarrayitemGcR | GetarrayitemRawI
            | GetarrayitemRawF | GetarrayitemRawR => {
                let d = self.array(n, op)?;
                let addr = item_address(d, nonnull(n, a(0))?, a(1));
                // SAFETY: the caller vouches for the trace's addresses and indices.
                unsafe { load(addr, d.item_size, d.signed) }
            }
            SetarrayitemGc | SetarrayitemRaw => {
                let d = self.array(n, op)?;
                let base = nonnull(n, a(0))?;
                if op.opcode == SetarrayitemGc && d.ty == Type::Ref {
                    // SAFETY: `base` is a GC array (caller's contract); it has a header.
                    unsafe { self.write_barrier(base) };
                }
                // SAFETY: the caller vouches for the trace's addresses and indices.
                unsafe { store(item_address(d, base, a(1)), d.item_size, a(2)) };
                return Ok(Step::Next);
            }
            ArraylenGc => {
                let d = self.array(n, op)?;
                let addr = nonnull(n, a(0))?.wrapping_add(d.len_offset as u64);
                // SAFETY: the caller vouches for the array's address.
                unsafe { load(addr, 8, false) }
            }

            New => {
                let d = self.descr(op).and_then(Descr::as_size);
                let d = d.ok_or_else(|| malformed(n, "size descriptor"))?;
                let (size, header) = (d.size as u64, d.header);
                // SAFETY: the env's allocation pointers and hook are valid (caller).
                unsafe { self.allocate(n, size, header) }?
            }
            NewArray => {
                let d = self.array(n, op)?.clone();
                let len = a(0) as i64;
                let size = u64::try_from(len)
                    .ok()
                    .and_then(|l| l.checked_mul(d.item_size as u64))
                    .and_then(|s| s.checked_add(d.base_offset as u64))
                    .ok_or(InterpError::Undefined(n))?;
                // SAFETY: the env's allocation pointers and hook are valid (caller).
                let obj = unsafe { self.allocate(n, size, d.header) }?;
                // SAFETY: the new object is at least `len_offset + 8` bytes per its layout.
                unsafe { store(obj.wrapping_add(d.len_offset as u64), 8, len as u64) };
                obj
            }

            CallI | CallF | CallR | CallN => {
                let func = nonnull(n, a(0))?;
                let args: Vec<u64> = (1..op.args.len()).map(a).collect();
                // SAFETY: the caller vouches that `func` has the call ABI's signature.
                let r = unsafe { call(func, &args) };
                if op.result_type() == Type::Void {
                    return Ok(Step::Next);
                }
                r
            }
        };
        self.vals[self.trace.inputs.len() + n] = result;
        Ok(Step::Next)
    }

    fn field(&self, n: usize, op: &Op) -> Result<&FieldDescr, InterpError> {
        self.descr(op)
            .and_then(Descr::as_field)
            .ok_or_else(|| malformed(n, "field descriptor"))
    }

    fn array(&self, n: usize, op: &Op) -> Result<&ArrayDescr, InterpError> {
        self.descr(op)
            .and_then(Descr::as_array)
            .ok_or_else(|| malformed(n, "array descriptor"))
    }

    /// # Safety
    /// `obj` is a GC object whose first word is its header.
    unsafe fn write_barrier(&self, obj: u64) {
        if let Some(wb) = self.env.write_barrier {
            // SAFETY: per this function's contract.
            if unsafe { load(obj, 8, false) } & wb.flag_mask != 0 {
                (wb.slow)(obj);
            }
        }
    }

    /// Allocates like compiled code: bump in the nursery if there is one and it has room,
    /// else call the slow path.
    ///
    /// # Safety
    /// The env's nursery pointers (if non-null) and `alloc` are valid.
    unsafe fn allocate(&self, n: usize, size: u64, header: u64) -> Result<u64, InterpError> {
        let size = size.max(8).next_multiple_of(8);
        let env = self.env;
        if env.has_nursery() {
            // SAFETY: both nursery pointers are valid (this function's contract).
            let (free, top) = unsafe { (*env.nursery_free as u64, *env.nursery_top as u64) };
            if free.checked_add(size).is_some_and(|end| end <= top) {
                // SAFETY: `free..free + size` is unused nursery memory, 8-aligned.
                unsafe {
                    *env.nursery_free = (free + size) as usize;
                    std::ptr::write_bytes(free as *mut u8, 0, size as usize);
                    store(free, 8, header);
                }
                return Ok(free);
            }
        }
        match (env.alloc)(size, header) {
            0 => Err(InterpError::AllocFailed(n)),
            obj => Ok(obj),
        }
    }
}
