//! Start-up: the builtin classes, singletons, interned names, builtins and `sys`.

use crate::object::{self, BoolObj, SingletonObj, StrObj};
use crate::types::class::{class_obj, create_builtin_classes, exposed_builtin_classes};
use crate::value::Value;
use crate::vm::Vm;

/// Builds everything a fresh interpreter needs. Classes are created before the `str`,
/// `tuple` and `dict` classes exist, so the class words of the first objects are patched
/// afterwards.
pub(crate) fn bootstrap(vm: &mut Vm) {
    create_builtin_classes(vm);
    let classes = exposed_builtin_classes(vm);
    for &(_, cls) in &classes {
        let type_ = vm.cls.type_;
        let (str_c, tuple_c, dict_c) = (vm.cls.str, vm.cls.tuple, vm.cls.dict);
        // SAFETY: every builtin class and its name, bases, mro and dict are live objects.
        unsafe {
            set_class(cls, type_);
            let c = class_obj(cls);
            set_class(c.name, str_c);
            set_class(c.bases, tuple_c);
            set_class(c.mro, tuple_c);
            set_class(c.dict, dict_c);
        }
    }
    vm.none = singleton(vm, vm.cls.none_type, 0);
    vm.not_implemented = singleton(vm, vm.cls.not_implemented_type, 1);
    vm.ellipsis = singleton(vm, vm.cls.ellipsis_type, 2);
    vm.false_ = boolean(vm, 0);
    vm.true_ = boolean(vm, 1);
    crate::names::Names::init(vm);
    let sys_modules = crate::types::dict::new_dict(vm);
    vm.sys_modules_root = vm.root_push(sys_modules);
    let builtins = crate::builtins::create_builtins_module(vm);
    let bdict = object::downcast::<object::ModuleObj>(builtins)
        .expect("a module")
        .dict;
    vm.builtins_root = vm.root_push(bdict);
    crate::types::init_all(vm);
    crate::eval::init(vm);
    for (name, cls) in classes {
        if crate::builtins::exposes_class(name, cls) {
            let k = vm.intern(name);
            crate::types::dict::set_str_key(bdict, k, cls);
        }
        let m = vm.intern("__module__");
        let b = vm.intern("builtins");
        if crate::types::dict::get_str_key(class_obj(cls).dict, m).is_none() {
            crate::types::dict::set_str_key(class_obj(cls).dict, m, b);
        }
        let doc = vm.names.__doc__;
        if crate::types::dict::get_str_key(class_obj(cls).dict, doc).is_none() {
            let none = vm.none;
            crate::types::dict::set_str_key(class_obj(cls).dict, doc, none);
        }
    }
    for (name, v) in [
        ("None", vm.none),
        ("True", vm.true_),
        ("False", vm.false_),
        ("NotImplemented", vm.not_implemented),
        ("Ellipsis", vm.ellipsis),
        ("__debug__", vm.true_),
    ] {
        let k = vm.intern(name);
        crate::types::dict::set_str_key(bdict, k, v);
    }
    let sys = crate::builtins::sys::create_sys_module(vm);
    vm.sys_root = vm.root_push(sys);
    let k = vm.intern("builtins");
    crate::types::dict::set_str_key(sys_modules, k, builtins);
    let k = vm.intern("sys");
    crate::types::dict::set_str_key(sys_modules, k, sys);
}

/// # Safety
/// `v` must be a live object.
unsafe fn set_class(v: Value, cls: Value) {
    if v.is_ptr() {
        (*(v.addr() as *mut object::ObjHead)).class = cls;
        if let Some(s) = object::downcast::<StrObj>(v) {
            s.head.class = cls;
        }
    }
}

fn singleton(vm: &mut Vm, cls: Value, which: u64) -> Value {
    let (v, s) = vm.alloc_pinned_obj::<SingletonObj>(cls);
    s.which = which;
    v
}

fn boolean(vm: &mut Vm, value: u64) -> Value {
    let cls = vm.cls.bool_;
    let (v, b) = vm.alloc_pinned_obj::<BoolObj>(cls);
    b.value = value;
    v
}
