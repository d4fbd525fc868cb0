"""Generates py_cases.py (run by the `python_level_behaviour` test): `python3 gen_py_cases.py > py_cases.py`
with CPython 3.11. Each case is an expression (optionally preceded by `; `-separated statements); its
expected repr, or exception type and message, comes from CPython."""
import sys
cases = r'''
'abc'[1]
'abc'[-1]
'abc'[::-1]
'héllo'[1:4]
'héllo'[::2]
'héllo'[-1]
'abcdef'[1:5:2]
'abc'[5:1:-1]
'abc'[1.0]
'abc'[5]
'abc'[::0]
'a' + 'b'
'a' + 1
'ab' * 3
3 * 'ab'
'ab' * -1
'a' * 1.5
'ab' in 'cab'
1 in 'a'
'a' < 'b'
'a' < 1
'a' == 1
len('héllo')
list('hé')
list(iter('abc'))
str()
str(12)
str(b'a', 'utf-8')
str(b'\xff', 'utf-8')
str(b'\xff', 'utf-8', 'replace')
str(b'a', encoding='ascii')
str(1, 'utf-8')
str('a', 'utf-8')
repr('a\'b')
repr("a'b\"c")
repr('é\x00\u200b\U0001f600\x7f\x80\xa0\t\n\\')
ascii('é\U0001f600\u20ac')
'a,b,,c'.split(',')
'a,b,,c'.split(',', 2)
'  a  b '.split()
'  a  b '.split(None, 1)
'  a  b '.rsplit(None, 1)
'a b c'.rsplit(maxsplit=1)
'a,b,c'.rsplit(',', 1)
'a'.split('')
'a'.split(1)
'a'.split(x=1)
'a'.split(',', sep=',')
'-'.join(['a', 'b', 'c'])
'-'.join('abc')
'a'.join([1])
'a'.join(1)
'  x  '.strip()
'xxaxx'.strip('x')
'xxaxx'.lstrip('x')
'xxaxx'.rstrip('x')
'a'.strip(1)
'aaa'.replace('a', 'b', 2)
'abc'.replace('', '-')
'abc'.replace('', '-', 2)
'abcabc'.find('c')
'abcabc'.rfind('c')
'abcabc'.find('c', 3)
'abcabc'.find('c', -2, -1)
'abc'.find('', 3)
'abc'.find('', 4)
'héllo'.find('l')
'héllo'.rfind('l', 0, 3)
'a'.find(1)
'a'.find('a', 1.5)
'a'.index('b')
'abc'.count('')
'aaaa'.count('aa')
'héllo'.count('l', 3)
'abc'.startswith('ab')
'abc'.startswith(('x', 'b'), 1)
'abc'.endswith('bc', 0, 3)
'abc'.startswith('', 4)
'a'.startswith(1)
'a'.startswith((1,))
'Hello World ß'.upper()
'Hello WORLD ΣΑΣ'.lower()
'Straße'.casefold()
'hello wORLD 3rd'.title()
'hELLO'.capitalize()
'aBc'.swapcase()
'ab'.center(5, '*')
'abc'.center(6, '*')
'a'.center(6)
'a'.ljust(3, '.')
'a'.rjust(3)
'a'.center(5, 'ab')
'-12'.zfill(6)
'+'.zfill(3)
'12'.zfill(1)
'a.b.c'.partition('.')
'a.b.c'.rpartition('.')
'abc'.partition('x')
'abc'.rpartition('x')
'ab'.partition('')
'a\r\nb\x0bc\x1cd\u2028e'.splitlines()
'a\nb\r\n'.splitlines(True)
'a\nb'.splitlines(keepends=True)
'a\tb'.expandtabs()
'ab\tc\nd\te'.expandtabs(4)
'123'.isdigit()
'²'.isdigit()
'²'.isdecimal()
'½'.isnumeric()
'abc'.isalpha()
'ab1'.isalnum()
' \t'.isspace()
''.isspace()
'ABC'.isupper()
'abc'.islower()
'Hello World'.istitle()
'_a1'.isidentifier()
'1a'.isidentifier()
'a\x00'.isprintable()
'é'.isascii()
'abc'.encode()
'é'.encode('utf-8')
'é'.encode('latin-1')
'é'.encode('ascii')
'éa'.encode('ascii', 'replace')
'ĀA'.encode('latin-1', 'ignore')
'é'.encode('ascii', 'bad')
'x'.encode('foo')
'{} {}'.format(1, 'a')
'{1}{0}'.format(1, 2)
'{a}-{b!r}'.format(a=1, b='x')
'{0:>5}|{1:<4}|'.format('a', 2)
'{:{}}'.format(1, 5)
'{0[1]}'.format([4, 5])
'{a[b]}'.format(a={'b': 3})
'{0.real}'.format(3)
'{{}}'.format()
'{:%}'.format(1)
'{!a}'.format('é')
'{'.format(1)
'}'.format(1)
'{!r'.format(1)
'{0!x}'.format(1)
'{}{0}'.format(1, 2)
'{0}{}'.format(1, 2)
'{1}'.format(1)
'{a}'.format(1)
'{0.}'.format(1)
'{0[}'.format(1)
'{0[0]x}'.format([1])
'{:{:{}}}'.format(1, 2, 3)
'{a}'.format_map({'a': 1})
'{0}'.format_map({})
'ab'.removeprefix('a')
'ab'.removesuffix('b')
'ab'.removeprefix(1)
str.maketrans('ab', 'cd')
str.maketrans('ab', 'c')
str.maketrans({'a': 'b'})
'abc'.translate({97: None, 98: 'xy', 99: 100})
'abc'.translate(str.maketrans('abc', 'xyz', 'b'))
'a'.translate({97: 2.5})
'%s %d' % ('a', 3)
'%d' % 3.7
'%d' % '3'
'%x' % 3.5
'%f' % 'a'
'%c' % 65
'%c' % 'ab'
'%s %s' % (1,)
'%s' % (1, 2)
'%(a)s' % 1
'%(a)s %(a)r' % {'a': 'x'}
'%y' % 1
'%' % 1
'%(a' % {}
'%*d|' % (5, 3)
'%-*d|' % (5, 3)
'%.*f' % (2, 3.14159)
'%#x %#o %#X' % (255, 255, 255)
'%+05d' % 3
'%e %g %G' % (12345.678, 0.00001, 1e20)
'%r %a' % ('a', 'é')
'%5.1s|' % 'abc'
'%%' % ()
'%s' % [1]
'%s' % (1,)
'%5%' % (1,)
'x' % [1]
'%.3d|%5.3d|' % (5, -7)
'%05.1f|%08.3f' % (-2.5, -3.14159)
format(1234, '010,')
format(-12345, '#010_x')
format(1.5, '=+10')
format(0.1, '.17')
format(1e16)
format(123.0, '.3')
format(1234.5, '_')
format('ab', '05')
format('abc', '^7.2')
format('a', '+')
format(1.0, 'd')
format(1, '.2')
format(65, 'c')
format(1+2j, '.2f')
f'{3.14159:.2f}|{"x":>3}|{42:#x}|{1e-7}'
'ab'.__hash__() == hash('ab')
hash('') == hash(str())
'%s'.__mod__(1)
type('a'.__eq__(1)).__name__
'a'.__rmul__(3)
str.upper(1)
'a'.upper(1)
'a'.find()
'a'.join()
'a'.center()
type(str(x for x in []))
class S(str): pass
S('abc').upper()
type(S('abc'))
S('ab') + 'c'
S('ab') == 'ab'
str(S('ab'))
type(str(S('ab')))
len(S('abc'))
'%s' % S('x')
'{}'.format(S('y'))
b'abc'
b'it\'s'
b'\x00\xff\t\\'
bytearray(b'ab')
bytes(3)
bytes([1, 2, 255])
bytes('é', 'utf-8')
bytes(bytearray(b'x'))
bytes('a')
bytes(1, 'a')
bytes(-1)
bytes([256])
bytes(['a'])
bytes(1.5)
b'abc'[1]
b'abc'[-1]
b'abc'[::-1]
b'abc'[5]
b'abc'[1.0]
bytearray(b'a')[5]
b'a' + b'b'
b'a' + bytearray(b'b')
bytearray(b'a') + b'b'
b'a' + 'a'
bytearray(b'a') + 'a'
b'ab' * 2
2 * b'ab'
b'a' * 1.5
b'a' == bytearray(b'a')
b'a' < b'b'
b'a' < 'a'
97 in b'abc'
b'bc' in b'abc'
'a' in b'a'
256 in b'a'
list(b'ab')
list(bytearray(b'ab'))
b'\xc3\xa9'.decode()
b'\xff'.decode()
b'\xe9a'.decode()
b'\xe9\x80'.decode()
b'\xffa'.decode('ascii')
b'\xffa'.decode('ascii', 'ignore')
b'\xffa'.decode('utf-8', 'replace')
b'\xffa'.decode('latin-1')
b'ab'.hex()
b'abc'.hex(':', 2)
bytes.fromhex(' 01 0a ')
bytes.fromhex('0g')
bytearray.fromhex('ff')
b'-'.join([b'a', bytearray(b'b')])
b'a'.join(['a'])
b'a b  c'.split()
b'a,b,c'.split(b',', 1)
b'a,b,c'.rsplit(b',', 1)
b'a'.split('a')
b'  a '.strip()
b'xax'.strip(b'x')
b'aaa'.replace(b'a', b'bb', 2)
b'abc'.find(b'c')
b'abc'.find(99)
b'a'.find('a')
b'a'.find(256)
b'abcabc'.rfind(b'b')
b'ab'.index(b'c')
b'abab'.count(b'ab')
b'ab'.count(97)
b'abc'.startswith(b'ab')
b'abc'.endswith((b'x', b'c'))
b'a'.startswith('a')
b'aBc'.upper()
b'aBc'.lower()
hash(b'ab') == hash(b'ab')
hash(bytearray())
ba = bytearray(b'abc'); ba.append(100); ba
ba = bytearray(b'abc'); ba.extend([1, 2]); ba.extend(b'x'); ba
ba = bytearray(b'abc'); (ba.pop(), ba.pop(0), ba)
bytearray().pop()
ba = bytearray(b'abc'); ba[0] = 65; ba[-1] = 67; ba
ba = bytearray(b'abc'); ba[0:2] = b'xyz'; ba
ba = bytearray(b'abcd'); ba[::2] = b'XY'; ba
ba = bytearray(b'abc'); ba[::2] = b'xyz'; ba
ba = bytearray(b'abc'); del ba[1]; ba
ba = bytearray(b'abcdef'); del ba[::2]; ba
ba = bytearray(b'abc'); ba[0] = 256; ba
ba = bytearray(b'abc'); ba += b'de'; ba
bytearray(b'a').append('a')
bytearray(b'ab').extend(1)
'é'.encode() == b'\xc3\xa9'
'{0:}'.format(3)
'{:}'.format('s')
'{0!s:>4}'.format(1)
'%(x)d' % {'x': 4}
'%c' % 0x110000
'%-5c|' % 65
'%.0f %.1f %.2f' % (0.5, 0.25, 2.675)
'%x %X' % (2**70, -(2**70))
'%i %u' % (1, 2)
'%d' % True
'%5s|%-5s|' % ('ab', 'cd')
'%s' % ((1, 2),)
'%r' % 'x'
str(b'abc')
repr(b'a')
'abc'.__contains__('b')
type('a'.__lt__(1)).__name__
'a'.__add__(1)
'a'.encode(errors='bad')
'x'.format_map(1)
'{a}'.format_map(1)
'ǆa'.capitalize()
'ǆa'.title()
'ß'.upper()
'İ'.lower()
'ΑΣ ΣΑ'.lower()
'{:,}'.format(1234567)
'{:_b}'.format(255)
'{:e}'.format(0)
'{:08.2%}'.format(0.123)
'{:+}'.format(0.0)
'{:^+9.2e}'.format(-1234.5)
'%.3s' % 'héllo'
'héllo'.center(9, 'é')
'héllo'.split('l')
'héllo'.index('o')
'héllo'.partition('é')
'héllo'.upper()
'héllo'.encode('latin-1')
'é' * 3
'x'.join(['é', 'è'])
'ΣΑΣ'.swapcase()
'a\u0301'.isalpha()
str(1.5)
'{}'.format(1.5)
'{:.3}'.format(1.0)
'{:g}'.format(1e-5)
'{:n}'.format(1234.5)
'{:10.4f}|'.format(3.14159265)
'{:<10}|'.format(1.5)
'{!r:>10}'.format('a')
'{0:{1}.{2}f}'.format(3.14159, 8, 2)
'{:=^10}'.format('x')
'{:*<+6d}'.format(42)
'{:#o} {:#b} {:#X}'.format(8, 5, 255)
'{:x}'.format(-255)
'{:c}'.format(0x263a)
'{:5}|'.format(True)
'{:d}'.format(True)
'{:.2f}'.format(2)
'{:s}'.format(1)
'abc'.split(maxsplit=1)
' a b '.rsplit(None, 0)
'a,b'.rsplit(',', 0)
''.split()
''.split(',')
'%s' % b'a'
'{:>6}'.format(b'ab'.decode())
format(complex(1, -2), '^12')
format(complex(0, 2), '+')
format(complex(1234, 2), ',')
format(complex(1, 2), '0')
format(complex(1, 2), '=')
format(2j)
format(complex(-0.0, -1))
format(1e300 * 10, '+')
format(-0.0, 'z')
format(10**30, ',')
format(True, '5')
format(3, '=^5')
format(12345, '#_b')
'{0[0]}{0[1]}'.format('ab')
'{x.__class__.__name__}'.format(x=1)
'{:{w}.{p}}'.format(3.14159, w=8, p=3)
'{!s:*^9}'.format('mid')
'{:,.2f}'.format(1234567.891)
'{:.0%}'.format(0.5)
'{:_x}'.format(0xdeadbeef)
'%-+6.2f|' % 3.14159
'%(a)s-%(b)05d' % {'a': 'x', 'b': 42}
'% 5d|%+5d' % (42, 42)
'%.2e' % 0
'%g' % 100000
'%g' % 1000000
'%#o' % 0
'%c%c' % ('h', 105)
'abc'.center(2)
'x'.rjust(-1)
'Ab'.swapcase().swapcase()
'a-b_c d'.title()
"they're bill's".title()
'ǅ'.istitle()
'\u2160'.isnumeric()
'\u00bd'.isdecimal()
'a1_'.isidentifier()
'\t'.isprintable()
' '.isprintable()
'\u3000'.isspace()
''.isprintable()
''.isascii()
'Ǆ'.lower()
'ﬁ'.upper()
'ﬁ'.casefold()
'ß'.capitalize()
'ŉ'.title()
sorted(['b', 'a', 'é', 'B'])
min('hello')
max('héllo')
'é' < 'z'
'a' * 0
'' * 5
'abc'[-4]
'abc'[-3]
'abc'[1:100]
'abc'[-100:2]
'abcdef'[::-2]
'abcdef'[5:0:-2]
'héllo wörld'[::-3]
'héllo'[True]
'abc'.__getitem__(slice(None))
bytes(range(5))
bytes(b'ab' * 2)
bytearray([1, 2]) * 2
b'%s' if False else b'x'
bytearray(b'abc')[1:]
bytearray(b'abc')[0]
b'abc'[::2]
b'a\x00b'.split(b'\x00')
b''.join([])
b'abc'.replace(b'', b'-')
b'AbC'.isupper()
b'123'.isdigit()
b'a b'.isalpha()
bytearray(b'abc').decode()
b'x'.hex()
bytes.fromhex('')
bytearray(b'ab') == bytearray(b'ab')
bytearray(b'ab') < b'ac'
b'a' in bytearray(b'cab')
len(bytearray(5))
ba = bytearray(b'abc'); ba.insert(0, 120); ba.insert(100, 121); ba
ba = bytearray(b'abc'); ba.remove(98); ba
ba = bytearray(b'abc'); ba.reverse(); ba
ba = bytearray(b'abc'); c = ba.copy(); c.append(1); (ba, c)
ba = bytearray(b'abc'); ba.clear(); ba
ba = bytearray(b'abcdef'); ba[1:3] = []; ba
ba = bytearray(b'abc'); ba[5:] = b'zz'; ba
ba = bytearray(b'abc'); ba[::-1] = b'xyz'; ba
ba = bytearray(b'abcdef'); del ba[4:1:-1]; ba
list(iter(bytearray(b'hi')))
str(bytearray(b'x'))
b'%s' % 'a'
b'%b' % 1
b'%c' % 256
b'%c' % 'a'
b'%r %a' % ('é', b'x')
b'%s' % bytearray(b'q')
b'%5s|' % b'ab'
b'%x %d' % (255, 3)
b'%(a)s' % {b'a': b'v'}
b'%(a)s' % {'a': b'v'}
bytearray(b'%d') % 3
b'%.1s' % b'abc'
b'x' % ()
b'ab' % 1
b'%c' % 65
b'a'.center(3, b'ab')
b'a'.center(3, 'x')
b'a'.center(4, b'*')
b'hello world'.title()
b'hELLO'.capitalize()
b'aB'.swapcase()
b'-5'.zfill(4)
b'a.b'.partition(b'.')
b'a.b'.rpartition(b'x')
b'a\nb\r\nc\x0bd'.splitlines()
b'a\nb'.splitlines(True)
b'a\tb'.expandtabs(4)
b'Ab Cd'.istitle()
b'ab'.removeprefix(b'a')
b'ab'.partition('a')
bytearray(b'ab').title()
'''.strip('\n').split('\n')

G = {'__name__': '__main__'}
def run(src):
    g = G
    lines = src.split('; ')
    try:
        for l in lines[:-1]:
            exec(l, g)
        if lines[-1].startswith('class '):
            exec(lines[-1], g); return 'None'
        return repr(eval(lines[-1], g))
    except Exception as e:
        return '!!' + type(e).__name__ + ': ' + str(e)

out = []
out.append('_fails = []')
out.append('def _check(n, got, want):')
out.append('    if got != want:')
out.append('        _fails.append(n)')
out.append('        print("MISMATCH", n, "got", got, "want", want)')
state = {}
for i, c in enumerate(cases):
    want = run(c)
    parts = c.split('; ')
    if c.startswith('class '):
        out.append(c)
        continue
    out.append('try:')
    for p in parts[:-1]:
        out.append('    ' + p)
    out.append('    _r = repr(' + parts[-1] + ')')
    out.append('except Exception as _e:')
    out.append("    _r = '!!' + type(_e).__name__ + ': ' + str(_e)")
    out.append('_check(%r, _r, %r)' % (c, want))
# fix: exec class definitions in run() context too
out.append('print(len(_fails), "failures")')
out.append('assert not _fails')
print('\n'.join(out))
