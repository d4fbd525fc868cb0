# The order of class namespaces made by class statements and by type(name, bases, dict).
class K:
    a = 1
    def m(self): pass
print(list(K.__dict__))
K2 = type('K2', (), {'a': 1})
print(list(K2.__dict__))
class S:
    __slots__ = ('x',)
    "doc"
print(list(S.__dict__))
class E(Exception): pass
print(list(E.__dict__))
class D(dict): pass
print(list(D.__dict__))
