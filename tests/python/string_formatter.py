# string on the native _string: formatter_parser / formatter_field_name_split (lazy, with
# CPython's errors), string.Formatter, Template and helpers
import _string
import string

for s in ['a{0!r:>10}b{{c}}d', '', 'x', '{}', '{:}', '{!s}', '{a.b[c]}', '{0:{1}}', 'a}}b', '{{', '}}',
          'x{', 'x}', '{0!}', '{0!rr}', '{0:', '{0', '{0[}', 'ab{c:d{e}f}g', '{!r:x}', '{[}', '{0!r',
          '{a{b}', '{0[1]}', 'é{ü}ö']:
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
for s in ['a.b[c]', '0.x[1][2]', '', 'a[', 'a.', 'a[]', 'a]', '.a', '[0]', 'a[b]c', '12', 'a..b']:
    try:
        f, r = _string.formatter_field_name_split(s)
        print(repr(s), repr(f), list(r))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
it = _string.formatter_parser('a{b}c{')
print(next(it))
try:
    next(it)
except ValueError as e:
    print("lazy:", e)
print(type(_string.formatter_parser('')).__name__, type(_string.formatter_field_name_split('a')[1]).__name__)

f = string.Formatter()
print(f.format("{0}-{x!r:>5}-{y[1]}-{z.real}", 1, x='a', y=[5, 6], z=3))
print(f.format("{:*^9}|{:08.3f}|{!a}", "mid", 3.14159, "é"), f.vformat("{a}{b}", (), {'a': 1, 'b': 2}))


class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()


print(Upper().format("{} and {name}", "abc", name="def"))
t = string.Template('$who likes ${what}; $$5')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'))
try:
    t.substitute(who='a')
except KeyError as e:
    print('KeyError', e)
print(string.capwords(' hello  world '), string.ascii_lowercase, string.digits, string.punctuation[:5])
