//! Raising exceptions from Rust: creating exception instances and the common shortcuts.

use crate::object::{ExcDataObj, InstanceObj};
use crate::types::class::class_obj;
use crate::value::Value;
use crate::vm::{Raised, Vm};

impl Vm {
    /// Raises `exc` (an exception instance): it becomes [`Vm::exc`].
    #[cold]
    pub fn raise(&mut self, exc: Value) -> Raised {
        self.exc = exc;
        Raised
    }

    /// Creates an instance of exception class `cls` with `args` (no `__init__` call).
    pub fn new_exception(&mut self, cls: Value, args: &[Value]) -> Value {
        let args_t = crate::types::tuple::new_tuple(self, args);
        let base = self.cls.base_exception;
        let (data, d) = self.alloc_obj::<ExcDataObj>(base);
        d.args = args_t;
        let (inst, i) = self.alloc_obj::<InstanceObj>(cls);
        i.native = data;
        i.map = class_obj(cls).map;
        crate::finalize::guard_instance(self, cls, inst);
        inst
    }

    /// Creates an instance of exception class `cls` with one str argument (none if empty).
    pub fn new_exception_msg(&mut self, cls: Value, msg: &str) -> Value {
        if msg.is_empty() {
            self.new_exception(cls, &[])
        } else {
            let m = crate::types::str::new_str(self, msg);
            self.new_exception(cls, &[m])
        }
    }

    /// Raises a new instance of `cls` with message `msg`.
    #[cold]
    pub fn raise_new(&mut self, cls: Value, msg: &str) -> Raised {
        let e = self.new_exception_msg(cls, msg);
        self.raise(e)
    }

    /// Raises `TypeError(msg)`.
    #[cold]
    pub fn type_error(&mut self, msg: impl AsRef<str>) -> Raised {
        let c = self.cls.type_error;
        self.raise_new(c, msg.as_ref())
    }

    /// Raises `ValueError(msg)`.
    #[cold]
    pub fn value_error(&mut self, msg: impl AsRef<str>) -> Raised {
        let c = self.cls.value_error;
        self.raise_new(c, msg.as_ref())
    }

    /// Raises `IndexError(msg)`.
    #[cold]
    pub fn index_error(&mut self, msg: impl AsRef<str>) -> Raised {
        let c = self.cls.index_error;
        self.raise_new(c, msg.as_ref())
    }

    /// Raises `KeyError(key)`.
    #[cold]
    pub fn key_error(&mut self, key: Value) -> Raised {
        let c = self.cls.key_error;
        let e = self.new_exception(c, &[key]);
        self.raise(e)
    }

    /// Raises `AttributeError(msg)`.
    #[cold]
    pub fn attribute_error(&mut self, msg: impl AsRef<str>) -> Raised {
        let c = self.cls.attribute_error;
        self.raise_new(c, msg.as_ref())
    }

    /// Raises `ZeroDivisionError(msg)`.
    #[cold]
    pub fn zero_division(&mut self, msg: impl AsRef<str>) -> Raised {
        let c = self.cls.zero_division_error;
        self.raise_new(c, msg.as_ref())
    }

    /// Raises `OverflowError(msg)`.
    #[cold]
    pub fn overflow_error(&mut self, msg: impl AsRef<str>) -> Raised {
        let c = self.cls.overflow_error;
        self.raise_new(c, msg.as_ref())
    }

    /// Raises `RuntimeError(msg)`.
    #[cold]
    pub fn runtime_error(&mut self, msg: impl AsRef<str>) -> Raised {
        let c = self.cls.runtime_error;
        self.raise_new(c, msg.as_ref())
    }

    /// Raises `NameError(msg)`; its `name` is set when `msg` is the usual
    /// "name 'x' is not defined".
    #[cold]
    pub fn name_error(&mut self, msg: impl AsRef<str>) -> Raised {
        let c = self.cls.name_error;
        let msg = msg.as_ref();
        let r = self.raise_new(c, msg);
        let missing = msg
            .strip_prefix("name '")
            .and_then(|s| s.strip_suffix("' is not defined"));
        if let Some(n) = missing {
            let (exc, n) = (self.exc, crate::types::str::new_str(self, n));
            let _ = crate::types::exception::fields::set_field(self, exc, "name", n);
        }
        r
    }

    /// Raises `NotImplementedError(msg)`: for Python features pyrs does not have yet.
    #[cold]
    pub fn not_implemented(&mut self, what: impl AsRef<str>) -> Raised {
        let c = self.cls.not_implemented_error;
        self.raise_new(
            c,
            &format!("{} is not implemented in pyrs yet", what.as_ref()),
        )
    }

    /// Raises `StopIteration(value)` (no args when `value` is None).
    #[cold]
    pub fn stop_iteration(&mut self, value: Value) -> Raised {
        let c = self.cls.stop_iteration;
        let e = if value == self.none || value.is_null() {
            self.new_exception(c, &[])
        } else {
            self.new_exception(c, &[value])
        };
        self.raise(e)
    }

    /// Whether the raised exception is an instance of `cls`.
    pub fn exc_matches(&self, cls: Value) -> bool {
        !self.exc.is_null()
            && crate::types::class::is_subclass(crate::types::class::class_of(self, self.exc), cls)
    }
}

/// The exception state of an exception instance, if `v` is one.
pub fn exc_data<'a>(v: Value) -> Option<&'a mut ExcDataObj> {
    crate::object::downcast::<InstanceObj>(v)
        .and_then(|i| crate::object::downcast::<ExcDataObj>(i.native))
}
