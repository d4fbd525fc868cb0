//! Calls of a few builtins traced inline or as cheap residual calls with precise effects:
//! `len()` of lists, tuples, strs and dicts, `isinstance(x, C)` for a plain class `C`
//! (a constant once `x`'s class is guarded), and `list.append`.

use super::{class_of, TraceRecorder};
use crate::jit::shadow::Sh;
use crate::object::{self, BuiltinObj, ClassObj};
use crate::types::class::{class_obj, flags, is_subclass};
use crate::value::Value;
use crate::vm::Vm;
use pyrs_jit_ir::{OpRef, Opcode as O, Snapshot};

/// The builtin function `name` of the builtins module, if `callable` is it.
fn is_builtin(vm: &Vm, callable: Value, name: &str) -> bool {
    let Some(b) = object::downcast::<BuiltinObj>(callable) else {
        return false;
    };
    b.receiver.is_null()
        && crate::types::str::as_str(b.name) == Some(name)
        && crate::types::dict::get_str_key(vm.builtins(), b.name) == Some(callable)
}

impl TraceRecorder {
    /// Guards that the callee `c` is the pinned object `v` (free when `c` is that
    /// constant); false when `v` cannot be named by a constant.
    fn guard_callee(&mut self, c: Sh, v: Value, snap: &Snapshot) -> bool {
        let Sh::Val(r) = c else { return false };
        if self.b.trace().konst(r).is_some_and(|k| k.bits == v.0) {
            return true;
        }
        if !object::is_pinned(v) {
            return false;
        }
        let k = self.b.const_ptr(v.0);
        self.guard(O::GuardValue, &[r, k], snap.clone());
        true
    }

    /// `callable(*args)` for the builtins traced inline; `None`: record the call some
    /// other way.
    pub(super) fn call_builtin_inline(
        &mut self,
        vm: &mut Vm,
        callee: Sh,
        callable: Value,
        args: &[Sh],
        argv: &[Value],
        snap: &Snapshot,
    ) -> Option<Sh> {
        if args.len() == 1 && is_builtin(vm, callable, "len") {
            return self.len_inline(vm, callee, callable, args[0], argv[0], snap);
        }
        if args.len() == 2 && is_builtin(vm, callable, "isinstance") {
            return self.isinstance_inline(vm, callee, callable, args, argv, snap);
        }
        None
    }

    fn len_inline(
        &mut self,
        vm: &mut Vm,
        callee: Sh,
        callable: Value,
        x: Sh,
        xv: Value,
        snap: &Snapshot,
    ) -> Option<Sh> {
        if xv.is_small() || xv.is_null() {
            return None;
        }
        let cls = class_of(xv);
        let c = &vm.cls;
        let which = [c.list, c.tuple, c.str, c.dict]
            .iter()
            .position(|&k| k == cls)?;
        if !self.guard_callee(callee, callable, snap) {
            return None;
        }
        let r = self.val(x);
        self.guard_class(r, cls, snap);
        let n = match which {
            0 => self.b.op(O::GetfieldGcI, &[r], Some(self.d.list_len)),
            1 => self.b.op(O::GetfieldGcI, &[r], Some(self.d.tuple_len)),
            2 => self.b.op(O::GetfieldGcI, &[r], Some(self.d.str_len)),
            _ => {
                let t = self.b.op(O::GetfieldGcI, &[r], Some(self.d.dict_data.data));
                self.b.op(O::GetfieldRawI, &[t], Some(self.d.dict_data.len))
            }
        };
        Some(Sh::Int(self.tag(n)))
    }

    /// The tagged small-int Value word of a non-negative count.
    fn tag(&mut self, n: OpRef) -> OpRef {
        let one = self.b.const_int(1);
        let twice = self.b.op(O::IntLshift, &[n, one], None);
        self.b.op(O::IntOr, &[twice, one], None)
    }

    fn isinstance_inline(
        &mut self,
        vm: &mut Vm,
        callee: Sh,
        callable: Value,
        args: &[Sh],
        argv: &[Value],
        snap: &Snapshot,
    ) -> Option<Sh> {
        let (x, xv, c, cv) = (args[0], argv[0], args[1], argv[1]);
        if !object::is::<ClassObj>(cv) || class_of(cv) != vm.cls.type_ || !object::is_pinned(cv) {
            return None;
        }
        let xcls = if xv.is_small() {
            vm.cls.int
        } else {
            class_of(xv)
        };
        if !object::is::<ClassObj>(xcls) || !self.guard_callee(callee, callable, snap) {
            return None;
        }
        if !self.guard_callee(c, cv, snap) {
            return None;
        }
        match x {
            Sh::Int(_) => {}
            Sh::Float(..) if xcls == vm.cls.float => {}
            Sh::Complex(..) if xcls == vm.cls.complex => {}
            Sh::Bool(_) if xcls == vm.cls.bool_ => {}
            Sh::Val(r) if xv.is_small() => {
                let w = self.b.op(O::CastPtrToInt, &[r], None);
                let one = self.b.const_int(1);
                let tag = self.b.op(O::IntAnd, &[w, one], None);
                self.guard(O::GuardTrue, &[tag], snap.clone());
            }
            Sh::Val(r) => self.guard_class(r, xcls, snap),
            _ => return None,
        }
        if class_obj(xcls).flags & flags::BUILTIN == 0 {
            self.guard_class_version(xcls, snap);
        }
        let yes = self.b.const_int(is_subclass(xcls, cv) as i64);
        Some(Sh::Bool(yes))
    }

    /// `list.append(x)` on a receiver whose class the method lookup guarded: a residual
    /// call that neither raises nor runs Python code.
    pub(super) fn call_native_method_inline(
        &mut self,
        vm: &mut Vm,
        callable: Value,
        receiver: Sh,
        recv_v: Value,
        args: &[Sh],
    ) -> Option<Sh> {
        let b = object::downcast::<BuiltinObj>(callable)?;
        let is_append = class_of(recv_v) == vm.cls.list
            && args.len() == 1
            && crate::types::str::as_str(b.qualname) == Some("list.append");
        if !is_append {
            return None;
        }
        let (l, x) = (self.val(receiver), self.val(args[0]));
        self.list_append(l, x);
        Some(Sh::Val(self.b.const_ptr(vm.none.0)))
    }
}
