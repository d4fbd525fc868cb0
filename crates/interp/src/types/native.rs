//! Registering native functions and methods on classes and modules, and checking the
//! arguments of native calls with CPython's error messages.

use crate::object::BuiltinObj;
use crate::types::class::{bump_version, class_obj};
use crate::value::Value;
use crate::vm::{Args, NativeFn, PyResult, Raised, Vm};

impl Vm {
    /// A new native function object named `name` (qualname `qualname`).
    pub fn new_native(&mut self, name: &str, qualname: &str, f: NativeFn) -> Value {
        let cls = self.cls.builtin_function;
        self.new_native_of_class(cls, name, qualname, f)
    }

    /// A new native function object of class `cls` (one of the builtin-function kinds).
    fn new_native_of_class(
        &mut self,
        cls: Value,
        name: &str,
        qualname: &str,
        f: NativeFn,
    ) -> Value {
        let n = self.intern(name);
        let q = self.intern(qualname);
        let (v, b) = self.alloc_obj::<BuiltinObj>(cls);
        b.name = n;
        b.qualname = q;
        b.func = f;
        v
    }

    /// An unbound native method of `cls`: a `wrapper_descriptor` for the dunders CPython
    /// implements as type slots, a `method_descriptor` otherwise.
    fn new_method_descriptor(&mut self, cls: Value, name: &str, f: NativeFn) -> Value {
        let q = format!("{}.{}", crate::types::class::class_name(cls), name);
        let kind = if is_slot_method_of(cls, name) {
            self.cls.wrapper_descriptor
        } else {
            self.cls.method_descriptor
        };
        let m = self.new_native_of_class(kind, name, &q, f);
        set_owner(m, cls);
        m
    }

    /// Sets `cls.name = value` in the class namespace.
    pub fn add_attr(&mut self, cls: Value, name: &str, value: Value) {
        let n = self.intern(name);
        crate::types::dict::set_str_key(class_obj(cls).dict, n, value);
        bump_version(cls);
    }

    /// Adds a native method: called with the receiver as `args.pos[0]`.
    pub fn add_method(&mut self, cls: Value, name: &str, f: NativeFn) {
        let m = self.new_method_descriptor(cls, name, f);
        self.add_attr(cls, name, m);
    }

    /// Adds several native methods.
    pub fn add_methods(&mut self, cls: Value, methods: &[(&str, NativeFn)]) {
        for &(name, f) in methods {
            self.add_method(cls, name, f);
        }
    }

    /// Adds a native class method: called with the class as `args.pos[0]`.
    pub fn add_classmethod(&mut self, cls: Value, name: &str, f: NativeFn) {
        let q = format!("{}.{}", crate::types::class::class_name(cls), name);
        let m = self.new_native(name, &q, f);
        set_owner(m, cls);
        let wrapper_cls = self.cls.classmethod_descriptor;
        let (w, obj) = self.alloc_obj::<crate::object::MethodWrapperObj>(wrapper_cls);
        obj.func = m;
        self.add_attr(cls, name, w);
    }

    /// Adds a native static method (`__new__` is one: called with the class first).
    pub fn add_staticmethod(&mut self, cls: Value, name: &str, f: NativeFn) {
        let q = format!("{}.{}", crate::types::class::class_name(cls), name);
        let m = self.new_native(name, &q, f);
        set_owner(m, cls);
        let wrapper_cls = self.cls.staticmethod;
        let (w, obj) = self.alloc_obj::<crate::object::MethodWrapperObj>(wrapper_cls);
        obj.func = m;
        self.add_attr(cls, name, w);
    }

    /// Adds a read-only (or read-write with `setter`) computed attribute: a
    /// `getset_descriptor` whose getter receives the instance as `pos[0]` (the setter gets
    /// it and the value).
    pub fn add_getset(
        &mut self,
        cls: Value,
        name: &str,
        getter: NativeFn,
        setter: Option<NativeFn>,
    ) {
        let d = crate::types::getset::new_getset(self, cls, name, getter, setter);
        self.add_attr(cls, name, d);
    }

    /// Sets `module.name = value`.
    pub fn module_set(&mut self, module: Value, name: &str, value: Value) {
        let n = self.intern(name);
        let d = crate::object::downcast::<crate::object::ModuleObj>(module)
            .expect("a module")
            .dict;
        crate::types::dict::set_str_key(d, n, value);
    }

    /// Adds native functions to a module.
    pub fn module_add_functions(&mut self, module: Value, funcs: &[(&str, NativeFn)]) {
        for &(name, f) in funcs {
            let m = self.new_native(name, name, f);
            set_owner(m, module);
            self.module_set(module, name, m);
        }
    }

    /// A new module object named `name` with `__name__` set.
    pub fn new_module(&mut self, name: &str) -> Value {
        let n = crate::types::str::new_str(self, name);
        let d = crate::types::dict::new_dict(self);
        let cls = self.cls.module;
        let (m, obj) = self.alloc_obj::<crate::object::ModuleObj>(cls);
        obj.dict = d;
        obj.name = n;
        let k = self.names.__name__;
        crate::types::dict::set_str_key(d, k, n);
        let none = self.none;
        for key in ["__doc__", "__package__", "__loader__", "__spec__"] {
            let k = self.intern(key);
            crate::types::dict::set_str_key(d, k, none);
        }
        m
    }
}

impl<'a> Args<'a> {
    /// Checks there are no keyword arguments and between `min` and `max` positional ones,
    /// raising `TypeError` as CPython words it for `name` otherwise.
    pub fn check(&self, vm: &mut Vm, name: &str, min: usize, max: usize) -> PyResult<()> {
        if !self.kw.is_empty() {
            return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
        }
        self.check_positional(vm, name, min, max)
    }

    /// Checks the number of positional arguments only.
    pub fn check_positional(
        &self,
        vm: &mut Vm,
        name: &str,
        min: usize,
        max: usize,
    ) -> PyResult<()> {
        let n = self.pos.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let bare = name.rsplit('.').next().unwrap_or(name);
        if is_slot_wrapper(bare) && min == max && min >= 2 {
            // Callers of `check` count the receiver of dunders, so no slot-wrapper wording.
            return Err(vm.type_error(format!(
                "{name}() takes exactly {min} arguments ({n} given)"
            )));
        }
        Err(vm.type_error(arity_message(bare, name, min, max, n)))
    }

    /// Checks the arguments of the builtin method `qualname` (`list.insert`): no keywords and
    /// between `min` and `max` positional ones, worded as CPython words each kind of method.
    pub fn check_method(
        &self,
        vm: &mut Vm,
        qualname: &str,
        min: usize,
        max: usize,
    ) -> PyResult<()> {
        let n = self.pos.len();
        if self.kw.is_empty() && n >= min && n <= max {
            return Ok(());
        }
        let bare = qualname.rsplit('.').next().unwrap_or(qualname);
        if !self.kw.is_empty() {
            let msg = if is_slot_wrapper(bare) {
                format!("wrapper {bare}() takes no keyword arguments")
            } else {
                format!("{qualname}() takes no keyword arguments")
            };
            return Err(vm.type_error(msg));
        }
        let n = self.pos.len();
        if n >= min && n <= max {
            return Ok(());
        }
        Err(vm.type_error(arity_message(bare, qualname, min, max, n)))
    }
    /// The keyword argument `name`, if given.
    pub fn kwarg(&self, name: &str) -> Option<Value> {
        self.kwnames
            .iter()
            .position(|&k| crate::types::str::as_str(k) == Some(name))
            .map(|i| self.kw[i])
    }

    /// Raises `TypeError` if a keyword not in `allowed` was given.
    pub fn only_kwargs(&self, vm: &mut Vm, fname: &str, allowed: &[&str]) -> PyResult<()> {
        for &k in self.kwnames {
            let k = crate::types::str::as_str(k).unwrap_or("");
            if !allowed.contains(&k) {
                return Err(vm.type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
        Ok(())
    }

    /// Positional argument `i`, or the keyword argument `name`, or `None`.
    pub fn arg(&self, i: usize, name: &str) -> Option<Value> {
        self.pos.get(i).copied().or_else(|| self.kwarg(name))
    }
}

/// Records the class (or module) a native function belongs to.
fn set_owner(native: Value, owner: Value) {
    if let Some(b) = crate::object::downcast::<BuiltinObj>(native) {
        b.owner = owner;
    }
}

/// Whether CPython exposes `cls.name` as a `wrapper_descriptor`.
fn is_slot_method_of(cls: Value, name: &str) -> bool {
    let builtin = crate::types::class::class_obj(cls).flags & crate::types::class::flags::BUILTIN;
    if builtin == 0 {
        return is_slot_wrapper(name);
    }
    is_slot_method_named(crate::types::class::class_name(cls), name)
}

/// Whether the method `name` of the builtin class named `owner` is a slot wrapper: the slot
/// dunders, except the few that `list`, `dict` and the sets define as ordinary methods.
fn is_slot_method_named(owner: &str, name: &str) -> bool {
    let ordinary = match name {
        "__getitem__" => matches!(owner, "list" | "dict"),
        "__contains__" => matches!(owner, "dict" | "set" | "frozenset"),
        _ => false,
    };
    !ordinary && is_slot_wrapper(name)
}

/// CPython's `TypeError` for the unbound method `owner.name` of a builtin class called
/// with the receiver `recv` of the wrong type (`None`: with no arguments at all), worded
/// for a slot wrapper or a method descriptor as the method is one or the other.
pub fn bad_receiver(vm: &mut Vm, owner: &str, name: &str, recv: Option<Value>) -> Raised {
    let slot = is_slot_method_named(owner, name);
    let msg = match recv {
        Some(v) => {
            let t = crate::types::class::type_name(vm, v);
            if slot {
                format!("descriptor '{name}' requires a '{owner}' object but received a '{t}'")
            } else {
                format!("descriptor '{name}' for '{owner}' objects doesn't apply to a '{t}' object")
            }
        }
        None if slot => format!("descriptor '{name}' of '{owner}' object needs an argument"),
        None => format!("unbound method {owner}.{name}() needs an argument"),
    };
    vm.type_error(msg)
}

/// Whether a dunder is a slot wrapper in CPython (its arity errors name no function),
/// rather than a method of the type's method table.
pub(crate) fn is_slot_wrapper(name: &str) -> bool {
    const METHODS: &[&str] = &[
        "__format__",
        "__reversed__",
        "__sizeof__",
        "__reduce__",
        "__reduce_ex__",
        "__getnewargs__",
        "__getnewargs_ex__",
        "__subclasshook__",
        "__init_subclass__",
        "__class_getitem__",
        "__dir__",
        "__length_hint__",
        "__round__",
        "__trunc__",
        "__floor__",
        "__ceil__",
        "__enter__",
        "__exit__",
        "__getstate__",
        "__setstate__",
        "__copy__",
        "__deepcopy__",
        "__bytes__",
        "__complex__",
        "__fspath__",
        "__instancecheck__",
        "__subclasscheck__",
        "__prepare__",
        "__subclasses__",
    ];
    name.len() > 4 && name.starts_with("__") && name.ends_with("__") && !METHODS.contains(&name)
}

/// CPython's message for `n` positional arguments where `min..=max` are accepted, for a
/// function or method named `bare` (`qualname` in the forms that qualify it).
fn arity_message(bare: &str, qualname: &str, min: usize, max: usize, n: usize) -> String {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if is_slot_wrapper(bare) {
        return if min == max {
            let lead = if min >= 2 { " " } else { "" };
            format!("{lead}expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!("expected at least {min} argument{}, got {n}", plural(min))
        } else {
            format!("expected at most {max} argument{}, got {n}", plural(max))
        };
    }
    if min == max {
        return match min {
            0 => format!("{qualname}() takes no arguments ({n} given)"),
            1 => format!("{qualname}() takes exactly one argument ({n} given)"),
            _ => format!("{bare} expected {min} arguments, got {n}"),
        };
    }
    if n < min {
        format!(
            "{bare} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else {
        format!(
            "{bare} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    }
}
