//! `rewrite`: constant folding, algebraic simplification, and guard removal and
//! strengthening, in one forward walk over the trace.
//!
//! - Pure ops whose operands are all constants fold ([`fold`]); others simplify by
//!   algebraic identities ([`algebra`]); `same_as` copies are forwarded.
//! - An `_ovf` op whose outcome is known (constant operands, `x + 0`, `x * 1`, ...) is
//!   replaced by its value, and the overflow guard that follows it removed, when that guard
//!   always passes. A guard that always fails stays, with its `_ovf` op.
//! - Guards ([`guards`]) that always pass are removed: on constants, and when an earlier
//!   guard in the same label region (or an allocation) established the same fact. Guards
//!   teach facts ([`facts`]): `guard_value(x, c)` (and `guard_false`, `guard_isnull`, and
//!   `guard_true` of a comparison) makes later uses of `x`, snapshots included, the
//!   constant.
//! - Facts die at a `label`. A known class also dies at a GC store that may reach a class
//!   word (see [`Config::class_offset`]) and at a call that may write the heap (it could
//!   assign a class); raw stores write non-GC memory (op table) and keep it. A `Ref` known
//!   to equal a constant stays equal across collections: constant refs name non-moving
//!   objects (DESIGN.md §3).

mod algebra;
mod facts;
mod fold;
mod guards;

use pyrs_jit_ir::{Const, Descr, Op, OpArgs, OpFlags, OpRef, Opcode, Pass, PassError, Trace};

use crate::config::Config;
use crate::rebuild::{Rebuild, REMOVED};
use algebra::Simplified;
use facts::Facts;

/// Constant folding, algebraic simplification and guard removal (`rewrite`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Rewrite {
    config: Config,
}

impl Rewrite {
    /// A rewrite pass that may use what `config` says about the VM.
    pub fn new(config: Config) -> Rewrite {
        Rewrite { config }
    }
}

impl Pass for Rewrite {
    fn name(&self) -> &'static str {
        "rewrite"
    }

    fn run(&mut self, trace: Trace) -> Result<Trace, PassError> {
        let mut run = Run {
            rb: Rebuild::new(&trace),
            facts: Facts::default(),
            config: self.config,
            drop_overflow_guard: false,
        };
        for (n, op) in trace.ops.iter().enumerate() {
            let r = run.op(op, trace.ops.get(n + 1));
            run.rb.define(r);
        }
        Ok(run.rb.finish())
    }
}

/// One run of the pass over one trace.
struct Run<'a> {
    rb: Rebuild<'a>,
    facts: Facts,
    config: Config,
    /// The `_ovf` op just seen was replaced by its value: its guard goes too.
    drop_overflow_guard: bool,
}

/// How many times an op rewritten into another op is simplified again.
const MAX_RESIMPLIFY: u32 = 4;

impl Run<'_> {
    /// What old ref `r` is now: its new ref, or the constant it is known to equal.
    fn arg(&self, r: OpRef) -> OpRef {
        self.facts.resolve(self.rb.get(r))
    }

    fn args(&self, op: &Op) -> OpArgs {
        op.args.iter().map(|&r| self.arg(r)).collect()
    }

    /// Emits `op` with its operands and snapshot resolved.
    fn copy(&mut self, op: &Op) -> OpRef {
        let facts = &self.facts;
        self.rb.copy_with(op, |r| facts.resolve(r))
    }

    /// Handles old op `op`, followed by `next`; returns what its value became.
    fn op(&mut self, op: &Op, next: Option<&Op>) -> OpRef {
        use Opcode::*;
        match op.opcode {
            Label => {
                self.facts.clear();
                self.rb.label(op)
            }
            GuardTrue | GuardFalse | GuardValue | GuardNonnull | GuardIsnull | GuardClass => {
                self.guard(op)
            }
            GuardNoOverflow | GuardOverflow => {
                if std::mem::take(&mut self.drop_overflow_guard) {
                    REMOVED
                } else {
                    self.copy(op)
                }
            }
            IntAddOvf | IntSubOvf | IntMulOvf => self.ovf(op, next.map(|n| n.opcode)),
            SameAsI | SameAsF | SameAsR => self.arg(op.args[0]),
            New | NewArray => {
                let r = self.copy(op);
                self.facts.set_nonnull(r);
                r
            }
            SetfieldGc => self.setfield(op),
            SetarrayitemGc => {
                let array = op.descr.and_then(|d| self.rb.old.descr(d));
                let clear_of_class = match (self.config.class_offset, array) {
                    (Some(off), Some(Descr::Array(a))) => a.base_offset as u64 >= off as u64 + 8,
                    _ => false,
                };
                if !clear_of_class {
                    self.facts.forget_classes();
                }
                self.copy(op)
            }
            CallI | CallF | CallR | CallN => {
                if self.rb.old.op_flags(op).contains(OpFlags::WRITES_HEAP) {
                    self.facts.forget_classes();
                }
                self.copy(op)
            }
            _ if op.opcode.flags().contains(OpFlags::PURE) => {
                let args = self.args(op);
                self.pure(op, op.opcode, args, 0)
            }
            _ => self.copy(op),
        }
    }

    /// Folds or simplifies pure op `opcode(args)` (replacing old op `op`), or emits it.
    fn pure(&mut self, op: &Op, opcode: Opcode, args: OpArgs, depth: u32) -> OpRef {
        let mut consts = [Const::int(0); OpArgs::INLINE];
        let all_const = args.len() <= consts.len()
            && args
                .iter()
                .zip(&mut consts)
                .all(|(&r, slot)| self.rb.konst(r).map(|c| *slot = c).is_some());
        if let Some(c) = all_const
            .then(|| fold::fold(opcode, &consts[..args.len()]))
            .flatten()
        {
            return self.rb.intern(c);
        }
        if depth < MAX_RESIMPLIFY {
            match algebra::simplify(&mut self.rb, &self.facts, opcode, &args) {
                Some(Simplified::Value(r)) => return r,
                Some(Simplified::Op(code, args)) => return self.pure(op, code, args, depth + 1),
                None => {}
            }
        }
        if opcode == op.opcode {
            self.rb.push_with(op, opcode, args, |r| r)
        } else {
            self.rb.emit(opcode, &args)
        }
    }

    /// An `_ovf` op followed by an op of opcode `next` (its overflow guard).
    fn ovf(&mut self, op: &Op, next: Option<Opcode>) -> OpRef {
        let (a, b) = (self.arg(op.args[0]), self.arg(op.args[1]));
        match algebra::ovf_outcome(&mut self.rb, op.opcode, a, b) {
            Some((r, false)) if next == Some(Opcode::GuardNoOverflow) => {
                self.drop_overflow_guard = true;
                r
            }
            Some((r, true)) if next == Some(Opcode::GuardOverflow) => {
                self.drop_overflow_guard = true;
                r
            }
            _ => self.copy(op),
        }
    }

    /// `setfield_gc`: stores that may reach a class word forget known classes; a
    /// constant stored exactly there is the object's class from now on.
    fn setfield(&mut self, op: &Op) -> OpRef {
        let r = self.copy(op);
        let field = op
            .descr
            .and_then(|d| self.rb.old.descr(d))
            .and_then(Descr::as_field);
        let (Some(off), Some(f)) = (self.config.class_offset, field) else {
            self.facts.forget_classes();
            return r;
        };
        let (off, start, end) = (off as u64, f.offset as u64, f.offset as u64 + f.size as u64);
        if start < off + 8 && off < end {
            self.facts.forget_classes();
            let (target, value) = (self.arg(op.args[0]), self.arg(op.args[1]));
            if start == off && f.size == 8 && !target.is_const() {
                if let Some(c) = self.rb.konst(value) {
                    self.facts.set_class(target, c.bits);
                }
            }
        }
        r
    }
}
