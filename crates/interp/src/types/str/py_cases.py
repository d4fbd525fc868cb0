_fails = []
def _check(n, got, want):
    if got != want:
        _fails.append(n)
        print("MISMATCH", n, "got", got, "want", want)
try:
    _r = repr('abc'[1])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'[1]", _r, "'b'")
try:
    _r = repr('abc'[-1])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'[-1]", _r, "'c'")
try:
    _r = repr('abc'[::-1])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'[::-1]", _r, "'cba'")
try:
    _r = repr('héllo'[1:4])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo'[1:4]", _r, "'éll'")
try:
    _r = repr('héllo'[::2])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo'[::2]", _r, "'hlo'")
try:
    _r = repr('héllo'[-1])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo'[-1]", _r, "'o'")
try:
    _r = repr('abcdef'[1:5:2])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abcdef'[1:5:2]", _r, "'bd'")
try:
    _r = repr('abc'[5:1:-1])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'[5:1:-1]", _r, "'c'")
try:
    _r = repr('abc'[1.0])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'[1.0]", _r, "!!TypeError: string indices must be integers, not 'float'")
try:
    _r = repr('abc'[5])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'[5]", _r, '!!IndexError: string index out of range')
try:
    _r = repr('abc'[::0])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'[::0]", _r, '!!ValueError: slice step cannot be zero')
try:
    _r = repr('a' + 'b')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a' + 'b'", _r, "'ab'")
try:
    _r = repr('a' + 1)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a' + 1", _r, '!!TypeError: can only concatenate str (not "int") to str')
try:
    _r = repr('ab' * 3)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ab' * 3", _r, "'ababab'")
try:
    _r = repr(3 * 'ab')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("3 * 'ab'", _r, "'ababab'")
try:
    _r = repr('ab' * -1)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ab' * -1", _r, "''")
try:
    _r = repr('a' * 1.5)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a' * 1.5", _r, "!!TypeError: can't multiply sequence by non-int of type 'float'")
try:
    _r = repr('ab' in 'cab')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ab' in 'cab'", _r, 'True')
try:
    _r = repr(1 in 'a')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("1 in 'a'", _r, "!!TypeError: 'in <string>' requires string as left operand, not int")
try:
    _r = repr('a' < 'b')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a' < 'b'", _r, 'True')
try:
    _r = repr('a' < 1)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a' < 1", _r, "!!TypeError: '<' not supported between instances of 'str' and 'int'")
try:
    _r = repr('a' == 1)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a' == 1", _r, 'False')
try:
    _r = repr(len('héllo'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("len('héllo')", _r, '5')
try:
    _r = repr(list('hé'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("list('hé')", _r, "['h', 'é']")
try:
    _r = repr(list(iter('abc')))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("list(iter('abc'))", _r, "['a', 'b', 'c']")
try:
    _r = repr(str())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('str()', _r, "''")
try:
    _r = repr(str(12))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('str(12)', _r, "'12'")
try:
    _r = repr(str(b'a', 'utf-8'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("str(b'a', 'utf-8')", _r, "'a'")
try:
    _r = repr(str(b'\xff', 'utf-8'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("str(b'\\xff', 'utf-8')", _r, "!!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")
try:
    _r = repr(str(b'\xff', 'utf-8', 'replace'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("str(b'\\xff', 'utf-8', 'replace')", _r, "'�'")
try:
    _r = repr(str(b'a', encoding='ascii'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("str(b'a', encoding='ascii')", _r, "'a'")
try:
    _r = repr(str(1, 'utf-8'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("str(1, 'utf-8')", _r, '!!TypeError: decoding to str: need a bytes-like object, int found')
try:
    _r = repr(str('a', 'utf-8'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("str('a', 'utf-8')", _r, '!!TypeError: decoding str is not supported')
try:
    _r = repr(repr('a\'b'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("repr('a\\'b')", _r, '\'"a\\\'b"\'')
try:
    _r = repr(repr("a'b\"c"))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('repr("a\'b\\"c")', _r, '\'\\\'a\\\\\\\'b"c\\\'\'')
try:
    _r = repr(repr('é\x00\u200b\U0001f600\x7f\x80\xa0\t\n\\'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("repr('é\\x00\\u200b\\U0001f600\\x7f\\x80\\xa0\\t\\n\\\\')", _r, '"\'é\\\\x00\\\\u200b😀\\\\x7f\\\\x80\\\\xa0\\\\t\\\\n\\\\\\\\\'"')
try:
    _r = repr(ascii('é\U0001f600\u20ac'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ascii('é\\U0001f600\\u20ac')", _r, '"\'\\\\xe9\\\\U0001f600\\\\u20ac\'"')
try:
    _r = repr('a,b,,c'.split(','))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a,b,,c'.split(',')", _r, "['a', 'b', '', 'c']")
try:
    _r = repr('a,b,,c'.split(',', 2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a,b,,c'.split(',', 2)", _r, "['a', 'b', ',c']")
try:
    _r = repr('  a  b '.split())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'  a  b '.split()", _r, "['a', 'b']")
try:
    _r = repr('  a  b '.split(None, 1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'  a  b '.split(None, 1)", _r, "['a', 'b ']")
try:
    _r = repr('  a  b '.rsplit(None, 1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'  a  b '.rsplit(None, 1)", _r, "['  a', 'b']")
try:
    _r = repr('a b c'.rsplit(maxsplit=1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a b c'.rsplit(maxsplit=1)", _r, "['a b', 'c']")
try:
    _r = repr('a,b,c'.rsplit(',', 1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a,b,c'.rsplit(',', 1)", _r, "['a,b', 'c']")
try:
    _r = repr('a'.split(''))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.split('')", _r, '!!ValueError: empty separator')
try:
    _r = repr('a'.split(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.split(1)", _r, '!!TypeError: must be str or None, not int')
try:
    _r = repr('a'.split(x=1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.split(x=1)", _r, "!!TypeError: 'x' is an invalid keyword argument for split()")
try:
    _r = repr('a'.split(',', sep=','))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.split(',', sep=',')", _r, "!!TypeError: argument for split() given by name ('sep') and position (1)")
try:
    _r = repr('-'.join(['a', 'b', 'c']))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'-'.join(['a', 'b', 'c'])", _r, "'a-b-c'")
try:
    _r = repr('-'.join('abc'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'-'.join('abc')", _r, "'a-b-c'")
try:
    _r = repr('a'.join([1]))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.join([1])", _r, '!!TypeError: sequence item 0: expected str instance, int found')
try:
    _r = repr('a'.join(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.join(1)", _r, '!!TypeError: can only join an iterable')
try:
    _r = repr('  x  '.strip())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'  x  '.strip()", _r, "'x'")
try:
    _r = repr('xxaxx'.strip('x'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'xxaxx'.strip('x')", _r, "'a'")
try:
    _r = repr('xxaxx'.lstrip('x'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'xxaxx'.lstrip('x')", _r, "'axx'")
try:
    _r = repr('xxaxx'.rstrip('x'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'xxaxx'.rstrip('x')", _r, "'xxa'")
try:
    _r = repr('a'.strip(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.strip(1)", _r, '!!TypeError: strip arg must be None or str')
try:
    _r = repr('aaa'.replace('a', 'b', 2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'aaa'.replace('a', 'b', 2)", _r, "'bba'")
try:
    _r = repr('abc'.replace('', '-'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.replace('', '-')", _r, "'-a-b-c-'")
try:
    _r = repr('abc'.replace('', '-', 2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.replace('', '-', 2)", _r, "'-a-bc'")
try:
    _r = repr('abcabc'.find('c'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abcabc'.find('c')", _r, '2')
try:
    _r = repr('abcabc'.rfind('c'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abcabc'.rfind('c')", _r, '5')
try:
    _r = repr('abcabc'.find('c', 3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abcabc'.find('c', 3)", _r, '5')
try:
    _r = repr('abcabc'.find('c', -2, -1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abcabc'.find('c', -2, -1)", _r, '-1')
try:
    _r = repr('abc'.find('', 3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.find('', 3)", _r, '3')
try:
    _r = repr('abc'.find('', 4))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.find('', 4)", _r, '-1')
try:
    _r = repr('héllo'.find('l'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo'.find('l')", _r, '2')
try:
    _r = repr('héllo'.rfind('l', 0, 3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo'.rfind('l', 0, 3)", _r, '2')
try:
    _r = repr('a'.find(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.find(1)", _r, '!!TypeError: must be str, not int')
try:
    _r = repr('a'.find('a', 1.5))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.find('a', 1.5)", _r, '!!TypeError: slice indices must be integers or None or have an __index__ method')
try:
    _r = repr('a'.index('b'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.index('b')", _r, '!!ValueError: substring not found')
try:
    _r = repr('abc'.count(''))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.count('')", _r, '4')
try:
    _r = repr('aaaa'.count('aa'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'aaaa'.count('aa')", _r, '2')
try:
    _r = repr('héllo'.count('l', 3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo'.count('l', 3)", _r, '1')
try:
    _r = repr('abc'.startswith('ab'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.startswith('ab')", _r, 'True')
try:
    _r = repr('abc'.startswith(('x', 'b'), 1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.startswith(('x', 'b'), 1)", _r, 'True')
try:
    _r = repr('abc'.endswith('bc', 0, 3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.endswith('bc', 0, 3)", _r, 'True')
try:
    _r = repr('abc'.startswith('', 4))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.startswith('', 4)", _r, 'False')
try:
    _r = repr('a'.startswith(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.startswith(1)", _r, '!!TypeError: startswith first arg must be str or a tuple of str, not int')
try:
    _r = repr('a'.startswith((1,)))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.startswith((1,))", _r, '!!TypeError: tuple for startswith must only contain str, not int')
try:
    _r = repr('Hello World ß'.upper())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'Hello World ß'.upper()", _r, "'HELLO WORLD SS'")
try:
    _r = repr('Hello WORLD ΣΑΣ'.lower())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'Hello WORLD ΣΑΣ'.lower()", _r, "'hello world σας'")
try:
    _r = repr('Straße'.casefold())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'Straße'.casefold()", _r, "'strasse'")
try:
    _r = repr('hello wORLD 3rd'.title())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'hello wORLD 3rd'.title()", _r, "'Hello World 3Rd'")
try:
    _r = repr('hELLO'.capitalize())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'hELLO'.capitalize()", _r, "'Hello'")
try:
    _r = repr('aBc'.swapcase())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'aBc'.swapcase()", _r, "'AbC'")
try:
    _r = repr('ab'.center(5, '*'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ab'.center(5, '*')", _r, "'**ab*'")
try:
    _r = repr('abc'.center(6, '*'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.center(6, '*')", _r, "'*abc**'")
try:
    _r = repr('a'.center(6))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.center(6)", _r, "'  a   '")
try:
    _r = repr('a'.ljust(3, '.'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.ljust(3, '.')", _r, "'a..'")
try:
    _r = repr('a'.rjust(3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.rjust(3)", _r, "'  a'")
try:
    _r = repr('a'.center(5, 'ab'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.center(5, 'ab')", _r, '!!TypeError: The fill character must be exactly one character long')
try:
    _r = repr('-12'.zfill(6))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'-12'.zfill(6)", _r, "'-00012'")
try:
    _r = repr('+'.zfill(3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'+'.zfill(3)", _r, "'+00'")
try:
    _r = repr('12'.zfill(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'12'.zfill(1)", _r, "'12'")
try:
    _r = repr('a.b.c'.partition('.'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a.b.c'.partition('.')", _r, "('a', '.', 'b.c')")
try:
    _r = repr('a.b.c'.rpartition('.'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a.b.c'.rpartition('.')", _r, "('a.b', '.', 'c')")
try:
    _r = repr('abc'.partition('x'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.partition('x')", _r, "('abc', '', '')")
try:
    _r = repr('abc'.rpartition('x'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.rpartition('x')", _r, "('', '', 'abc')")
try:
    _r = repr('ab'.partition(''))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ab'.partition('')", _r, '!!ValueError: empty separator')
try:
    _r = repr('a\r\nb\x0bc\x1cd\u2028e'.splitlines())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a\\r\\nb\\x0bc\\x1cd\\u2028e'.splitlines()", _r, "['a', 'b', 'c', 'd', 'e']")
try:
    _r = repr('a\nb\r\n'.splitlines(True))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a\\nb\\r\\n'.splitlines(True)", _r, "['a\\n', 'b\\r\\n']")
try:
    _r = repr('a\nb'.splitlines(keepends=True))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a\\nb'.splitlines(keepends=True)", _r, "['a\\n', 'b']")
try:
    _r = repr('a\tb'.expandtabs())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a\\tb'.expandtabs()", _r, "'a       b'")
try:
    _r = repr('ab\tc\nd\te'.expandtabs(4))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ab\\tc\\nd\\te'.expandtabs(4)", _r, "'ab  c\\nd   e'")
try:
    _r = repr('123'.isdigit())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'123'.isdigit()", _r, 'True')
try:
    _r = repr('²'.isdigit())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'²'.isdigit()", _r, 'True')
try:
    _r = repr('²'.isdecimal())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'²'.isdecimal()", _r, 'False')
try:
    _r = repr('½'.isnumeric())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'½'.isnumeric()", _r, 'True')
try:
    _r = repr('abc'.isalpha())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.isalpha()", _r, 'True')
try:
    _r = repr('ab1'.isalnum())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ab1'.isalnum()", _r, 'True')
try:
    _r = repr(' \t'.isspace())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("' \\t'.isspace()", _r, 'True')
try:
    _r = repr(''.isspace())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("''.isspace()", _r, 'False')
try:
    _r = repr('ABC'.isupper())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ABC'.isupper()", _r, 'True')
try:
    _r = repr('abc'.islower())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.islower()", _r, 'True')
try:
    _r = repr('Hello World'.istitle())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'Hello World'.istitle()", _r, 'True')
try:
    _r = repr('_a1'.isidentifier())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'_a1'.isidentifier()", _r, 'True')
try:
    _r = repr('1a'.isidentifier())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'1a'.isidentifier()", _r, 'False')
try:
    _r = repr('a\x00'.isprintable())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a\\x00'.isprintable()", _r, 'False')
try:
    _r = repr('é'.isascii())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'é'.isascii()", _r, 'False')
try:
    _r = repr('abc'.encode())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.encode()", _r, "b'abc'")
try:
    _r = repr('é'.encode('utf-8'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'é'.encode('utf-8')", _r, "b'\\xc3\\xa9'")
try:
    _r = repr('é'.encode('latin-1'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'é'.encode('latin-1')", _r, "b'\\xe9'")
try:
    _r = repr('é'.encode('ascii'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'é'.encode('ascii')", _r, "!!UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)")
try:
    _r = repr('éa'.encode('ascii', 'replace'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'éa'.encode('ascii', 'replace')", _r, "b'?a'")
try:
    _r = repr('ĀA'.encode('latin-1', 'ignore'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ĀA'.encode('latin-1', 'ignore')", _r, "b'A'")
try:
    _r = repr('é'.encode('ascii', 'bad'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'é'.encode('ascii', 'bad')", _r, "!!LookupError: unknown error handler name 'bad'")
try:
    _r = repr('x'.encode('foo'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'x'.encode('foo')", _r, '!!LookupError: unknown encoding: foo')
try:
    _r = repr('{} {}'.format(1, 'a'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{} {}'.format(1, 'a')", _r, "'1 a'")
try:
    _r = repr('{1}{0}'.format(1, 2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{1}{0}'.format(1, 2)", _r, "'21'")
try:
    _r = repr('{a}-{b!r}'.format(a=1, b='x'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{a}-{b!r}'.format(a=1, b='x')", _r, '"1-\'x\'"')
try:
    _r = repr('{0:>5}|{1:<4}|'.format('a', 2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{0:>5}|{1:<4}|'.format('a', 2)", _r, "'    a|2   |'")
try:
    _r = repr('{:{}}'.format(1, 5))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:{}}'.format(1, 5)", _r, "'    1'")
try:
    _r = repr('{0[1]}'.format([4, 5]))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{0[1]}'.format([4, 5])", _r, "'5'")
try:
    _r = repr('{a[b]}'.format(a={'b': 3}))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{a[b]}'.format(a={'b': 3})", _r, "'3'")
try:
    _r = repr('{0.real}'.format(3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{0.real}'.format(3)", _r, "'3'")
try:
    _r = repr('{{}}'.format())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{{}}'.format()", _r, "'{}'")
try:
    _r = repr('{:%}'.format(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:%}'.format(1)", _r, "'100.000000%'")
try:
    _r = repr('{!a}'.format('é'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{!a}'.format('é')", _r, '"\'\\\\xe9\'"')
try:
    _r = repr('{'.format(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{'.format(1)", _r, "!!ValueError: Single '{' encountered in format string")
try:
    _r = repr('}'.format(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'}'.format(1)", _r, "!!ValueError: Single '}' encountered in format string")
try:
    _r = repr('{!r'.format(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{!r'.format(1)", _r, "!!ValueError: unmatched '{' in format spec")
try:
    _r = repr('{0!x}'.format(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{0!x}'.format(1)", _r, '!!ValueError: Unknown conversion specifier x')
try:
    _r = repr('{}{0}'.format(1, 2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{}{0}'.format(1, 2)", _r, '!!ValueError: cannot switch from automatic field numbering to manual field specification')
try:
    _r = repr('{0}{}'.format(1, 2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{0}{}'.format(1, 2)", _r, '!!ValueError: cannot switch from manual field specification to automatic field numbering')
try:
    _r = repr('{1}'.format(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{1}'.format(1)", _r, '!!IndexError: Replacement index 1 out of range for positional args tuple')
try:
    _r = repr('{a}'.format(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{a}'.format(1)", _r, "!!KeyError: 'a'")
try:
    _r = repr('{0.}'.format(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{0.}'.format(1)", _r, '!!ValueError: Empty attribute in format string')
try:
    _r = repr('{0[}'.format(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{0[}'.format(1)", _r, "!!ValueError: expected '}' before end of string")
try:
    _r = repr('{0[0]x}'.format([1]))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{0[0]x}'.format([1])", _r, "!!ValueError: Only '.' or '[' may follow ']' in format field specifier")
try:
    _r = repr('{:{:{}}}'.format(1, 2, 3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:{:{}}}'.format(1, 2, 3)", _r, '!!ValueError: Max string recursion exceeded')
try:
    _r = repr('{a}'.format_map({'a': 1}))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{a}'.format_map({'a': 1})", _r, "'1'")
try:
    _r = repr('{0}'.format_map({}))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{0}'.format_map({})", _r, '!!ValueError: Format string contains positional fields')
try:
    _r = repr('ab'.removeprefix('a'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ab'.removeprefix('a')", _r, "'b'")
try:
    _r = repr('ab'.removesuffix('b'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ab'.removesuffix('b')", _r, "'a'")
try:
    _r = repr('ab'.removeprefix(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ab'.removeprefix(1)", _r, '!!TypeError: removeprefix() argument must be str, not int')
try:
    _r = repr(str.maketrans('ab', 'cd'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("str.maketrans('ab', 'cd')", _r, '{97: 99, 98: 100}')
try:
    _r = repr(str.maketrans('ab', 'c'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("str.maketrans('ab', 'c')", _r, '!!ValueError: the first two maketrans arguments must have equal length')
try:
    _r = repr(str.maketrans({'a': 'b'}))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("str.maketrans({'a': 'b'})", _r, "{97: 'b'}")
try:
    _r = repr('abc'.translate({97: None, 98: 'xy', 99: 100}))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.translate({97: None, 98: 'xy', 99: 100})", _r, "'xyd'")
try:
    _r = repr('abc'.translate(str.maketrans('abc', 'xyz', 'b')))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.translate(str.maketrans('abc', 'xyz', 'b'))", _r, "'xz'")
try:
    _r = repr('a'.translate({97: 2.5}))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.translate({97: 2.5})", _r, '!!TypeError: character mapping must return integer, None or str')
try:
    _r = repr('%s %d' % ('a', 3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%s %d' % ('a', 3)", _r, "'a 3'")
try:
    _r = repr('%d' % 3.7)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%d' % 3.7", _r, "'3'")
try:
    _r = repr('%d' % '3')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%d' % '3'", _r, '!!TypeError: %d format: a real number is required, not str')
try:
    _r = repr('%x' % 3.5)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%x' % 3.5", _r, '!!TypeError: %x format: an integer is required, not float')
try:
    _r = repr('%f' % 'a')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%f' % 'a'", _r, '!!TypeError: must be real number, not str')
try:
    _r = repr('%c' % 65)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%c' % 65", _r, "'A'")
try:
    _r = repr('%c' % 'ab')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%c' % 'ab'", _r, '!!TypeError: %c requires int or char')
try:
    _r = repr('%s %s' % (1,))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%s %s' % (1,)", _r, '!!TypeError: not enough arguments for format string')
try:
    _r = repr('%s' % (1, 2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%s' % (1, 2)", _r, '!!TypeError: not all arguments converted during string formatting')
try:
    _r = repr('%(a)s' % 1)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%(a)s' % 1", _r, '!!TypeError: format requires a mapping')
try:
    _r = repr('%(a)s %(a)r' % {'a': 'x'})
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%(a)s %(a)r' % {'a': 'x'}", _r, '"x \'x\'"')
try:
    _r = repr('%y' % 1)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%y' % 1", _r, "!!ValueError: unsupported format character 'y' (0x79) at index 1")
try:
    _r = repr('%' % 1)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%' % 1", _r, '!!ValueError: incomplete format')
try:
    _r = repr('%(a' % {})
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%(a' % {}", _r, '!!ValueError: incomplete format key')
try:
    _r = repr('%*d|' % (5, 3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%*d|' % (5, 3)", _r, "'    3|'")
try:
    _r = repr('%-*d|' % (5, 3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%-*d|' % (5, 3)", _r, "'3    |'")
try:
    _r = repr('%.*f' % (2, 3.14159))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%.*f' % (2, 3.14159)", _r, "'3.14'")
try:
    _r = repr('%#x %#o %#X' % (255, 255, 255))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%#x %#o %#X' % (255, 255, 255)", _r, "'0xff 0o377 0XFF'")
try:
    _r = repr('%+05d' % 3)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%+05d' % 3", _r, "'+0003'")
try:
    _r = repr('%e %g %G' % (12345.678, 0.00001, 1e20))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%e %g %G' % (12345.678, 0.00001, 1e20)", _r, "'1.234568e+04 1e-05 1E+20'")
try:
    _r = repr('%r %a' % ('a', 'é'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%r %a' % ('a', 'é')", _r, '"\'a\' \'\\\\xe9\'"')
try:
    _r = repr('%5.1s|' % 'abc')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%5.1s|' % 'abc'", _r, "'    a|'")
try:
    _r = repr('%%' % ())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%%' % ()", _r, "'%'")
try:
    _r = repr('%s' % [1])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%s' % [1]", _r, "'[1]'")
try:
    _r = repr('%s' % (1,))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%s' % (1,)", _r, "'1'")
try:
    _r = repr('%5%' % (1,))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%5%' % (1,)", _r, "!!ValueError: unsupported format character '%' (0x25) at index 2")
try:
    _r = repr('x' % [1])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'x' % [1]", _r, "'x'")
try:
    _r = repr('%.3d|%5.3d|' % (5, -7))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%.3d|%5.3d|' % (5, -7)", _r, "'005| -007|'")
try:
    _r = repr('%05.1f|%08.3f' % (-2.5, -3.14159))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%05.1f|%08.3f' % (-2.5, -3.14159)", _r, "'-02.5|-003.142'")
try:
    _r = repr(format(1234, '010,'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(1234, '010,')", _r, "'00,001,234'")
try:
    _r = repr(format(-12345, '#010_x'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(-12345, '#010_x')", _r, "'-0x00_3039'")
try:
    _r = repr(format(1.5, '=+10'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(1.5, '=+10')", _r, "'+      1.5'")
try:
    _r = repr(format(0.1, '.17'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(0.1, '.17')", _r, "'0.10000000000000001'")
try:
    _r = repr(format(1e16))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('format(1e16)', _r, "'1e+16'")
try:
    _r = repr(format(123.0, '.3'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(123.0, '.3')", _r, "'1.23e+02'")
try:
    _r = repr(format(1234.5, '_'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(1234.5, '_')", _r, "'1_234.5'")
try:
    _r = repr(format('ab', '05'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format('ab', '05')", _r, "'ab000'")
try:
    _r = repr(format('abc', '^7.2'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format('abc', '^7.2')", _r, "'  ab   '")
try:
    _r = repr(format('a', '+'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format('a', '+')", _r, '!!ValueError: Sign not allowed in string format specifier')
try:
    _r = repr(format(1.0, 'd'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(1.0, 'd')", _r, "!!ValueError: Unknown format code 'd' for object of type 'float'")
try:
    _r = repr(format(1, '.2'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(1, '.2')", _r, '!!ValueError: Precision not allowed in integer format specifier')
try:
    _r = repr(format(65, 'c'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(65, 'c')", _r, "'A'")
try:
    _r = repr(format(1+2j, '.2f'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(1+2j, '.2f')", _r, "'1.00+2.00j'")
try:
    _r = repr(f'{3.14159:.2f}|{"x":>3}|{42:#x}|{1e-7}')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('f\'{3.14159:.2f}|{"x":>3}|{42:#x}|{1e-7}\'', _r, "'3.14|  x|0x2a|1e-07'")
try:
    _r = repr('ab'.__hash__() == hash('ab'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ab'.__hash__() == hash('ab')", _r, 'True')
try:
    _r = repr(hash('') == hash(str()))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("hash('') == hash(str())", _r, 'True')
try:
    _r = repr('%s'.__mod__(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%s'.__mod__(1)", _r, "'1'")
try:
    _r = repr(type('a'.__eq__(1)).__name__)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("type('a'.__eq__(1)).__name__", _r, "'NotImplementedType'")
try:
    _r = repr('a'.__rmul__(3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.__rmul__(3)", _r, "'aaa'")
try:
    _r = repr(str.upper(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('str.upper(1)', _r, "!!TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object")
try:
    _r = repr('a'.upper(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.upper(1)", _r, '!!TypeError: str.upper() takes no arguments (1 given)')
try:
    _r = repr('a'.find())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.find()", _r, '!!TypeError: find() takes at least 1 argument (0 given)')
try:
    _r = repr('a'.join())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.join()", _r, '!!TypeError: str.join() takes exactly one argument (0 given)')
try:
    _r = repr('a'.center())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.center()", _r, '!!TypeError: center expected at least 1 argument, got 0')
try:
    _r = repr(type(str(x for x in [])))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('type(str(x for x in []))', _r, "<class 'str'>")
class S(str): pass
try:
    _r = repr(S('abc').upper())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("S('abc').upper()", _r, "'ABC'")
try:
    _r = repr(type(S('abc')))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("type(S('abc'))", _r, "<class '__main__.S'>")
try:
    _r = repr(S('ab') + 'c')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("S('ab') + 'c'", _r, "'abc'")
try:
    _r = repr(S('ab') == 'ab')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("S('ab') == 'ab'", _r, 'True')
try:
    _r = repr(str(S('ab')))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("str(S('ab'))", _r, "'ab'")
try:
    _r = repr(type(str(S('ab'))))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("type(str(S('ab')))", _r, "<class 'str'>")
try:
    _r = repr(len(S('abc')))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("len(S('abc'))", _r, '3')
try:
    _r = repr('%s' % S('x'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%s' % S('x')", _r, "'x'")
try:
    _r = repr('{}'.format(S('y')))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{}'.format(S('y'))", _r, "'y'")
try:
    _r = repr(b'abc')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abc'", _r, "b'abc'")
try:
    _r = repr(b'it\'s')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'it\\'s'", _r, 'b"it\'s"')
try:
    _r = repr(b'\x00\xff\t\\')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'\\x00\\xff\\t\\\\'", _r, "b'\\x00\\xff\\t\\\\'")
try:
    _r = repr(bytearray(b'ab'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray(b'ab')", _r, "bytearray(b'ab')")
try:
    _r = repr(bytes(3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('bytes(3)', _r, "b'\\x00\\x00\\x00'")
try:
    _r = repr(bytes([1, 2, 255]))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('bytes([1, 2, 255])', _r, "b'\\x01\\x02\\xff'")
try:
    _r = repr(bytes('é', 'utf-8'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytes('é', 'utf-8')", _r, "b'\\xc3\\xa9'")
try:
    _r = repr(bytes(bytearray(b'x')))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytes(bytearray(b'x'))", _r, "b'x'")
try:
    _r = repr(bytes('a'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytes('a')", _r, '!!TypeError: string argument without an encoding')
try:
    _r = repr(bytes(1, 'a'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytes(1, 'a')", _r, '!!TypeError: encoding without a string argument')
try:
    _r = repr(bytes(-1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('bytes(-1)', _r, '!!ValueError: negative count')
try:
    _r = repr(bytes([256]))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('bytes([256])', _r, '!!ValueError: bytes must be in range(0, 256)')
try:
    _r = repr(bytes(['a']))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytes(['a'])", _r, "!!TypeError: 'str' object cannot be interpreted as an integer")
try:
    _r = repr(bytes(1.5))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('bytes(1.5)', _r, "!!TypeError: cannot convert 'float' object to bytes")
try:
    _r = repr(b'abc'[1])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abc'[1]", _r, '98')
try:
    _r = repr(b'abc'[-1])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abc'[-1]", _r, '99')
try:
    _r = repr(b'abc'[::-1])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abc'[::-1]", _r, "b'cba'")
try:
    _r = repr(b'abc'[5])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abc'[5]", _r, '!!IndexError: index out of range')
try:
    _r = repr(b'abc'[1.0])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abc'[1.0]", _r, '!!TypeError: byte indices must be integers or slices, not float')
try:
    _r = repr(bytearray(b'a')[5])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray(b'a')[5]", _r, '!!IndexError: bytearray index out of range')
try:
    _r = repr(b'a' + b'b')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a' + b'b'", _r, "b'ab'")
try:
    _r = repr(b'a' + bytearray(b'b'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a' + bytearray(b'b')", _r, "b'ab'")
try:
    _r = repr(bytearray(b'a') + b'b')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray(b'a') + b'b'", _r, "bytearray(b'ab')")
try:
    _r = repr(b'a' + 'a')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a' + 'a'", _r, "!!TypeError: can't concat str to bytes")
try:
    _r = repr(bytearray(b'a') + 'a')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray(b'a') + 'a'", _r, "!!TypeError: can't concat str to bytearray")
try:
    _r = repr(b'ab' * 2)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'ab' * 2", _r, "b'abab'")
try:
    _r = repr(2 * b'ab')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("2 * b'ab'", _r, "b'abab'")
try:
    _r = repr(b'a' * 1.5)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a' * 1.5", _r, "!!TypeError: can't multiply sequence by non-int of type 'float'")
try:
    _r = repr(b'a' == bytearray(b'a'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a' == bytearray(b'a')", _r, 'True')
try:
    _r = repr(b'a' < b'b')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a' < b'b'", _r, 'True')
try:
    _r = repr(b'a' < 'a')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a' < 'a'", _r, "!!TypeError: '<' not supported between instances of 'bytes' and 'str'")
try:
    _r = repr(97 in b'abc')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("97 in b'abc'", _r, 'True')
try:
    _r = repr(b'bc' in b'abc')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'bc' in b'abc'", _r, 'True')
try:
    _r = repr('a' in b'a')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a' in b'a'", _r, "!!TypeError: a bytes-like object is required, not 'str'")
try:
    _r = repr(256 in b'a')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("256 in b'a'", _r, '!!ValueError: byte must be in range(0, 256)')
try:
    _r = repr(list(b'ab'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("list(b'ab')", _r, '[97, 98]')
try:
    _r = repr(list(bytearray(b'ab')))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("list(bytearray(b'ab'))", _r, '[97, 98]')
try:
    _r = repr(b'\xc3\xa9'.decode())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'\\xc3\\xa9'.decode()", _r, "'é'")
try:
    _r = repr(b'\xff'.decode())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'\\xff'.decode()", _r, "!!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")
try:
    _r = repr(b'\xe9a'.decode())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'\\xe9a'.decode()", _r, "!!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 0: invalid continuation byte")
try:
    _r = repr(b'\xe9\x80'.decode())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'\\xe9\\x80'.decode()", _r, "!!UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data")
try:
    _r = repr(b'\xffa'.decode('ascii'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'\\xffa'.decode('ascii')", _r, "!!UnicodeDecodeError: 'ascii' codec can't decode byte 0xff in position 0: ordinal not in range(128)")
try:
    _r = repr(b'\xffa'.decode('ascii', 'ignore'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'\\xffa'.decode('ascii', 'ignore')", _r, "'a'")
try:
    _r = repr(b'\xffa'.decode('utf-8', 'replace'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'\\xffa'.decode('utf-8', 'replace')", _r, "'�a'")
try:
    _r = repr(b'\xffa'.decode('latin-1'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'\\xffa'.decode('latin-1')", _r, "'ÿa'")
try:
    _r = repr(b'ab'.hex())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'ab'.hex()", _r, "'6162'")
try:
    _r = repr(b'abc'.hex(':', 2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abc'.hex(':', 2)", _r, "'61:6263'")
try:
    _r = repr(bytes.fromhex(' 01 0a '))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytes.fromhex(' 01 0a ')", _r, "b'\\x01\\n'")
try:
    _r = repr(bytes.fromhex('0g'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytes.fromhex('0g')", _r, '!!ValueError: non-hexadecimal number found in fromhex() arg at position 1')
try:
    _r = repr(bytearray.fromhex('ff'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray.fromhex('ff')", _r, "bytearray(b'\\xff')")
try:
    _r = repr(b'-'.join([b'a', bytearray(b'b')]))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'-'.join([b'a', bytearray(b'b')])", _r, "b'a-b'")
try:
    _r = repr(b'a'.join(['a']))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a'.join(['a'])", _r, '!!TypeError: sequence item 0: expected a bytes-like object, str found')
try:
    _r = repr(b'a b  c'.split())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a b  c'.split()", _r, "[b'a', b'b', b'c']")
try:
    _r = repr(b'a,b,c'.split(b',', 1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a,b,c'.split(b',', 1)", _r, "[b'a', b'b,c']")
try:
    _r = repr(b'a,b,c'.rsplit(b',', 1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a,b,c'.rsplit(b',', 1)", _r, "[b'a,b', b'c']")
try:
    _r = repr(b'a'.split('a'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a'.split('a')", _r, "!!TypeError: a bytes-like object is required, not 'str'")
try:
    _r = repr(b'  a '.strip())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'  a '.strip()", _r, "b'a'")
try:
    _r = repr(b'xax'.strip(b'x'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'xax'.strip(b'x')", _r, "b'a'")
try:
    _r = repr(b'aaa'.replace(b'a', b'bb', 2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'aaa'.replace(b'a', b'bb', 2)", _r, "b'bbbba'")
try:
    _r = repr(b'abc'.find(b'c'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abc'.find(b'c')", _r, '2')
try:
    _r = repr(b'abc'.find(99))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abc'.find(99)", _r, '2')
try:
    _r = repr(b'a'.find('a'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a'.find('a')", _r, "!!TypeError: argument should be integer or bytes-like object, not 'str'")
try:
    _r = repr(b'a'.find(256))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a'.find(256)", _r, '!!ValueError: byte must be in range(0, 256)')
try:
    _r = repr(b'abcabc'.rfind(b'b'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abcabc'.rfind(b'b')", _r, '4')
try:
    _r = repr(b'ab'.index(b'c'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'ab'.index(b'c')", _r, '!!ValueError: subsection not found')
try:
    _r = repr(b'abab'.count(b'ab'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abab'.count(b'ab')", _r, '2')
try:
    _r = repr(b'ab'.count(97))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'ab'.count(97)", _r, '1')
try:
    _r = repr(b'abc'.startswith(b'ab'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abc'.startswith(b'ab')", _r, 'True')
try:
    _r = repr(b'abc'.endswith((b'x', b'c')))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abc'.endswith((b'x', b'c'))", _r, 'True')
try:
    _r = repr(b'a'.startswith('a'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a'.startswith('a')", _r, '!!TypeError: startswith first arg must be bytes or a tuple of bytes, not str')
try:
    _r = repr(b'aBc'.upper())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'aBc'.upper()", _r, "b'ABC'")
try:
    _r = repr(b'aBc'.lower())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'aBc'.lower()", _r, "b'abc'")
try:
    _r = repr(hash(b'ab') == hash(b'ab'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("hash(b'ab') == hash(b'ab')", _r, 'True')
try:
    _r = repr(hash(bytearray()))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('hash(bytearray())', _r, "!!TypeError: unhashable type: 'bytearray'")
try:
    ba = bytearray(b'abc')
    ba.append(100)
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); ba.append(100); ba", _r, "bytearray(b'abcd')")
try:
    ba = bytearray(b'abc')
    ba.extend([1, 2])
    ba.extend(b'x')
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); ba.extend([1, 2]); ba.extend(b'x'); ba", _r, "bytearray(b'abc\\x01\\x02x')")
try:
    ba = bytearray(b'abc')
    _r = repr((ba.pop(), ba.pop(0), ba))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); (ba.pop(), ba.pop(0), ba)", _r, "(99, 97, bytearray(b'b'))")
try:
    _r = repr(bytearray().pop())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('bytearray().pop()', _r, '!!IndexError: pop from empty bytearray')
try:
    ba = bytearray(b'abc')
    ba[0] = 65
    ba[-1] = 67
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); ba[0] = 65; ba[-1] = 67; ba", _r, "bytearray(b'AbC')")
try:
    ba = bytearray(b'abc')
    ba[0:2] = b'xyz'
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); ba[0:2] = b'xyz'; ba", _r, "bytearray(b'xyzc')")
try:
    ba = bytearray(b'abcd')
    ba[::2] = b'XY'
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abcd'); ba[::2] = b'XY'; ba", _r, "bytearray(b'XbYd')")
try:
    ba = bytearray(b'abc')
    ba[::2] = b'xyz'
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); ba[::2] = b'xyz'; ba", _r, '!!ValueError: attempt to assign bytes of size 3 to extended slice of size 2')
try:
    ba = bytearray(b'abc')
    del ba[1]
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); del ba[1]; ba", _r, "bytearray(b'ac')")
try:
    ba = bytearray(b'abcdef')
    del ba[::2]
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abcdef'); del ba[::2]; ba", _r, "bytearray(b'bdf')")
try:
    ba = bytearray(b'abc')
    ba[0] = 256
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); ba[0] = 256; ba", _r, '!!ValueError: byte must be in range(0, 256)')
try:
    ba = bytearray(b'abc')
    ba += b'de'
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); ba += b'de'; ba", _r, "bytearray(b'abcde')")
try:
    _r = repr(bytearray(b'a').append('a'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray(b'a').append('a')", _r, "!!TypeError: 'str' object cannot be interpreted as an integer")
try:
    _r = repr(bytearray(b'ab').extend(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray(b'ab').extend(1)", _r, "!!TypeError: can't extend bytearray with int")
try:
    _r = repr('é'.encode() == b'\xc3\xa9')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'é'.encode() == b'\\xc3\\xa9'", _r, 'True')
try:
    _r = repr('{0:}'.format(3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{0:}'.format(3)", _r, "'3'")
try:
    _r = repr('{:}'.format('s'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:}'.format('s')", _r, "'s'")
try:
    _r = repr('{0!s:>4}'.format(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{0!s:>4}'.format(1)", _r, "'   1'")
try:
    _r = repr('%(x)d' % {'x': 4})
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%(x)d' % {'x': 4}", _r, "'4'")
try:
    _r = repr('%c' % 0x110000)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%c' % 0x110000", _r, '!!OverflowError: %c arg not in range(0x110000)')
try:
    _r = repr('%-5c|' % 65)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%-5c|' % 65", _r, "'A    |'")
try:
    _r = repr('%.0f %.1f %.2f' % (0.5, 0.25, 2.675))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%.0f %.1f %.2f' % (0.5, 0.25, 2.675)", _r, "'0 0.2 2.67'")
try:
    _r = repr('%x %X' % (2**70, -(2**70)))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%x %X' % (2**70, -(2**70))", _r, "'400000000000000000 -400000000000000000'")
try:
    _r = repr('%i %u' % (1, 2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%i %u' % (1, 2)", _r, "'1 2'")
try:
    _r = repr('%d' % True)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%d' % True", _r, "'1'")
try:
    _r = repr('%5s|%-5s|' % ('ab', 'cd'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%5s|%-5s|' % ('ab', 'cd')", _r, "'   ab|cd   |'")
try:
    _r = repr('%s' % ((1, 2),))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%s' % ((1, 2),)", _r, "'(1, 2)'")
try:
    _r = repr('%r' % 'x')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%r' % 'x'", _r, '"\'x\'"')
try:
    _r = repr(str(b'abc'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("str(b'abc')", _r, '"b\'abc\'"')
try:
    _r = repr(repr(b'a'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("repr(b'a')", _r, '"b\'a\'"')
try:
    _r = repr('abc'.__contains__('b'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.__contains__('b')", _r, 'True')
try:
    _r = repr(type('a'.__lt__(1)).__name__)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("type('a'.__lt__(1)).__name__", _r, "'NotImplementedType'")
try:
    _r = repr('a'.__add__(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.__add__(1)", _r, '!!TypeError: can only concatenate str (not "int") to str')
try:
    _r = repr('a'.encode(errors='bad'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a'.encode(errors='bad')", _r, "b'a'")
try:
    _r = repr('x'.format_map(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'x'.format_map(1)", _r, "'x'")
try:
    _r = repr('{a}'.format_map(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{a}'.format_map(1)", _r, "!!TypeError: 'int' object is not subscriptable")
try:
    _r = repr('ǆa'.capitalize())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ǆa'.capitalize()", _r, "'ǅa'")
try:
    _r = repr('ǆa'.title())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ǆa'.title()", _r, "'ǅa'")
try:
    _r = repr('ß'.upper())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ß'.upper()", _r, "'SS'")
try:
    _r = repr('İ'.lower())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'İ'.lower()", _r, "'i̇'")
try:
    _r = repr('ΑΣ ΣΑ'.lower())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ΑΣ ΣΑ'.lower()", _r, "'ας σα'")
try:
    _r = repr('{:,}'.format(1234567))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:,}'.format(1234567)", _r, "'1,234,567'")
try:
    _r = repr('{:_b}'.format(255))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:_b}'.format(255)", _r, "'1111_1111'")
try:
    _r = repr('{:e}'.format(0))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:e}'.format(0)", _r, "'0.000000e+00'")
try:
    _r = repr('{:08.2%}'.format(0.123))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:08.2%}'.format(0.123)", _r, "'0012.30%'")
try:
    _r = repr('{:+}'.format(0.0))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:+}'.format(0.0)", _r, "'+0.0'")
try:
    _r = repr('{:^+9.2e}'.format(-1234.5))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:^+9.2e}'.format(-1234.5)", _r, "'-1.23e+03'")
try:
    _r = repr('%.3s' % 'héllo')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%.3s' % 'héllo'", _r, "'hél'")
try:
    _r = repr('héllo'.center(9, 'é'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo'.center(9, 'é')", _r, "'ééhélloéé'")
try:
    _r = repr('héllo'.split('l'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo'.split('l')", _r, "['hé', '', 'o']")
try:
    _r = repr('héllo'.index('o'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo'.index('o')", _r, '4')
try:
    _r = repr('héllo'.partition('é'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo'.partition('é')", _r, "('h', 'é', 'llo')")
try:
    _r = repr('héllo'.upper())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo'.upper()", _r, "'HÉLLO'")
try:
    _r = repr('héllo'.encode('latin-1'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo'.encode('latin-1')", _r, "b'h\\xe9llo'")
try:
    _r = repr('é' * 3)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'é' * 3", _r, "'ééé'")
try:
    _r = repr('x'.join(['é', 'è']))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'x'.join(['é', 'è'])", _r, "'éxè'")
try:
    _r = repr('ΣΑΣ'.swapcase())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ΣΑΣ'.swapcase()", _r, "'σας'")
try:
    _r = repr('a\u0301'.isalpha())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a\\u0301'.isalpha()", _r, 'False')
try:
    _r = repr(str(1.5))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('str(1.5)', _r, "'1.5'")
try:
    _r = repr('{}'.format(1.5))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{}'.format(1.5)", _r, "'1.5'")
try:
    _r = repr('{:.3}'.format(1.0))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:.3}'.format(1.0)", _r, "'1.0'")
try:
    _r = repr('{:g}'.format(1e-5))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:g}'.format(1e-5)", _r, "'1e-05'")
try:
    _r = repr('{:n}'.format(1234.5))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:n}'.format(1234.5)", _r, "'1234.5'")
try:
    _r = repr('{:10.4f}|'.format(3.14159265))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:10.4f}|'.format(3.14159265)", _r, "'    3.1416|'")
try:
    _r = repr('{:<10}|'.format(1.5))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:<10}|'.format(1.5)", _r, "'1.5       |'")
try:
    _r = repr('{!r:>10}'.format('a'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{!r:>10}'.format('a')", _r, '"       \'a\'"')
try:
    _r = repr('{0:{1}.{2}f}'.format(3.14159, 8, 2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{0:{1}.{2}f}'.format(3.14159, 8, 2)", _r, "'    3.14'")
try:
    _r = repr('{:=^10}'.format('x'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:=^10}'.format('x')", _r, "'====x====='")
try:
    _r = repr('{:*<+6d}'.format(42))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:*<+6d}'.format(42)", _r, "'+42***'")
try:
    _r = repr('{:#o} {:#b} {:#X}'.format(8, 5, 255))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:#o} {:#b} {:#X}'.format(8, 5, 255)", _r, "'0o10 0b101 0XFF'")
try:
    _r = repr('{:x}'.format(-255))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:x}'.format(-255)", _r, "'-ff'")
try:
    _r = repr('{:c}'.format(0x263a))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:c}'.format(0x263a)", _r, "'☺'")
try:
    _r = repr('{:5}|'.format(True))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:5}|'.format(True)", _r, "'    1|'")
try:
    _r = repr('{:d}'.format(True))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:d}'.format(True)", _r, "'1'")
try:
    _r = repr('{:.2f}'.format(2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:.2f}'.format(2)", _r, "'2.00'")
try:
    _r = repr('{:s}'.format(1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:s}'.format(1)", _r, "!!ValueError: Unknown format code 's' for object of type 'int'")
try:
    _r = repr('abc'.split(maxsplit=1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.split(maxsplit=1)", _r, "['abc']")
try:
    _r = repr(' a b '.rsplit(None, 0))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("' a b '.rsplit(None, 0)", _r, "[' a b']")
try:
    _r = repr('a,b'.rsplit(',', 0))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a,b'.rsplit(',', 0)", _r, "['a,b']")
try:
    _r = repr(''.split())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("''.split()", _r, '[]')
try:
    _r = repr(''.split(','))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("''.split(',')", _r, "['']")
try:
    _r = repr('%s' % b'a')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%s' % b'a'", _r, '"b\'a\'"')
try:
    _r = repr('{:>6}'.format(b'ab'.decode()))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:>6}'.format(b'ab'.decode())", _r, "'    ab'")
try:
    _r = repr(format(complex(1, -2), '^12'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(complex(1, -2), '^12')", _r, "'   (1-2j)   '")
try:
    _r = repr(format(complex(0, 2), '+'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(complex(0, 2), '+')", _r, "'+2j'")
try:
    _r = repr(format(complex(1234, 2), ','))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(complex(1234, 2), ',')", _r, "'(1,234+2j)'")
try:
    _r = repr(format(complex(1, 2), '0'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(complex(1, 2), '0')", _r, '!!ValueError: Zero padding is not allowed in complex format specifier')
try:
    _r = repr(format(complex(1, 2), '='))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(complex(1, 2), '=')", _r, "!!ValueError: '=' alignment flag is not allowed in complex format specifier")
try:
    _r = repr(format(2j))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('format(2j)', _r, "'2j'")
try:
    _r = repr(format(complex(-0.0, -1)))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('format(complex(-0.0, -1))', _r, "'(-0-1j)'")
try:
    _r = repr(format(1e300 * 10, '+'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(1e300 * 10, '+')", _r, "'+1e+301'")
try:
    _r = repr(format(-0.0, 'z'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(-0.0, 'z')", _r, "'0.0'")
try:
    _r = repr(format(10**30, ','))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(10**30, ',')", _r, "'1,000,000,000,000,000,000,000,000,000,000'")
try:
    _r = repr(format(True, '5'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(True, '5')", _r, "'    1'")
try:
    _r = repr(format(3, '=^5'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(3, '=^5')", _r, "'==3=='")
try:
    _r = repr(format(12345, '#_b'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("format(12345, '#_b')", _r, "'0b11_0000_0011_1001'")
try:
    _r = repr('{0[0]}{0[1]}'.format('ab'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{0[0]}{0[1]}'.format('ab')", _r, "'ab'")
try:
    _r = repr('{x.__class__.__name__}'.format(x=1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{x.__class__.__name__}'.format(x=1)", _r, "'int'")
try:
    _r = repr('{:{w}.{p}}'.format(3.14159, w=8, p=3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:{w}.{p}}'.format(3.14159, w=8, p=3)", _r, "'    3.14'")
try:
    _r = repr('{!s:*^9}'.format('mid'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{!s:*^9}'.format('mid')", _r, "'***mid***'")
try:
    _r = repr('{:,.2f}'.format(1234567.891))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:,.2f}'.format(1234567.891)", _r, "'1,234,567.89'")
try:
    _r = repr('{:.0%}'.format(0.5))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:.0%}'.format(0.5)", _r, "'50%'")
try:
    _r = repr('{:_x}'.format(0xdeadbeef))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'{:_x}'.format(0xdeadbeef)", _r, "'dead_beef'")
try:
    _r = repr('%-+6.2f|' % 3.14159)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%-+6.2f|' % 3.14159", _r, "'+3.14 |'")
try:
    _r = repr('%(a)s-%(b)05d' % {'a': 'x', 'b': 42})
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%(a)s-%(b)05d' % {'a': 'x', 'b': 42}", _r, "'x-00042'")
try:
    _r = repr('% 5d|%+5d' % (42, 42))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'% 5d|%+5d' % (42, 42)", _r, "'   42|  +42'")
try:
    _r = repr('%.2e' % 0)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%.2e' % 0", _r, "'0.00e+00'")
try:
    _r = repr('%g' % 100000)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%g' % 100000", _r, "'100000'")
try:
    _r = repr('%g' % 1000000)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%g' % 1000000", _r, "'1e+06'")
try:
    _r = repr('%#o' % 0)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%#o' % 0", _r, "'0o0'")
try:
    _r = repr('%c%c' % ('h', 105))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'%c%c' % ('h', 105)", _r, "'hi'")
try:
    _r = repr('abc'.center(2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.center(2)", _r, "'abc'")
try:
    _r = repr('x'.rjust(-1))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'x'.rjust(-1)", _r, "'x'")
try:
    _r = repr('Ab'.swapcase().swapcase())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'Ab'.swapcase().swapcase()", _r, "'Ab'")
try:
    _r = repr('a-b_c d'.title())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a-b_c d'.title()", _r, "'A-B_C D'")
try:
    _r = repr("they're bill's".title())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('"they\'re bill\'s".title()', _r, '"They\'Re Bill\'S"')
try:
    _r = repr('ǅ'.istitle())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ǅ'.istitle()", _r, 'True')
try:
    _r = repr('\u2160'.isnumeric())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'\\u2160'.isnumeric()", _r, 'True')
try:
    _r = repr('\u00bd'.isdecimal())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'\\u00bd'.isdecimal()", _r, 'False')
try:
    _r = repr('a1_'.isidentifier())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a1_'.isidentifier()", _r, 'True')
try:
    _r = repr('\t'.isprintable())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'\\t'.isprintable()", _r, 'False')
try:
    _r = repr(' '.isprintable())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("' '.isprintable()", _r, 'True')
try:
    _r = repr('\u3000'.isspace())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'\\u3000'.isspace()", _r, 'True')
try:
    _r = repr(''.isprintable())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("''.isprintable()", _r, 'True')
try:
    _r = repr(''.isascii())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("''.isascii()", _r, 'True')
try:
    _r = repr('Ǆ'.lower())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'Ǆ'.lower()", _r, "'ǆ'")
try:
    _r = repr('ﬁ'.upper())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ﬁ'.upper()", _r, "'FI'")
try:
    _r = repr('ﬁ'.casefold())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ﬁ'.casefold()", _r, "'fi'")
try:
    _r = repr('ß'.capitalize())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ß'.capitalize()", _r, "'Ss'")
try:
    _r = repr('ŉ'.title())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'ŉ'.title()", _r, "'ʼN'")
try:
    _r = repr(sorted(['b', 'a', 'é', 'B']))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("sorted(['b', 'a', 'é', 'B'])", _r, "['B', 'a', 'b', 'é']")
try:
    _r = repr(min('hello'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("min('hello')", _r, "'e'")
try:
    _r = repr(max('héllo'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("max('héllo')", _r, "'é'")
try:
    _r = repr('é' < 'z')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'é' < 'z'", _r, 'False')
try:
    _r = repr('a' * 0)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'a' * 0", _r, "''")
try:
    _r = repr('' * 5)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'' * 5", _r, "''")
try:
    _r = repr('abc'[-4])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'[-4]", _r, '!!IndexError: string index out of range')
try:
    _r = repr('abc'[-3])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'[-3]", _r, "'a'")
try:
    _r = repr('abc'[1:100])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'[1:100]", _r, "'bc'")
try:
    _r = repr('abc'[-100:2])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'[-100:2]", _r, "'ab'")
try:
    _r = repr('abcdef'[::-2])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abcdef'[::-2]", _r, "'fdb'")
try:
    _r = repr('abcdef'[5:0:-2])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abcdef'[5:0:-2]", _r, "'fdb'")
try:
    _r = repr('héllo wörld'[::-3])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo wörld'[::-3]", _r, "'döoé'")
try:
    _r = repr('héllo'[True])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'héllo'[True]", _r, "'é'")
try:
    _r = repr('abc'.__getitem__(slice(None)))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("'abc'.__getitem__(slice(None))", _r, "'abc'")
try:
    _r = repr(bytes(range(5)))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('bytes(range(5))', _r, "b'\\x00\\x01\\x02\\x03\\x04'")
try:
    _r = repr(bytes(b'ab' * 2))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytes(b'ab' * 2)", _r, "b'abab'")
try:
    _r = repr(bytearray([1, 2]) * 2)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('bytearray([1, 2]) * 2', _r, "bytearray(b'\\x01\\x02\\x01\\x02')")
try:
    _r = repr(b'%s' if False else b'x')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'%s' if False else b'x'", _r, "b'x'")
try:
    _r = repr(bytearray(b'abc')[1:])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray(b'abc')[1:]", _r, "bytearray(b'bc')")
try:
    _r = repr(bytearray(b'abc')[0])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray(b'abc')[0]", _r, '97')
try:
    _r = repr(b'abc'[::2])
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abc'[::2]", _r, "b'ac'")
try:
    _r = repr(b'a\x00b'.split(b'\x00'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a\\x00b'.split(b'\\x00')", _r, "[b'a', b'b']")
try:
    _r = repr(b''.join([]))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b''.join([])", _r, "b''")
try:
    _r = repr(b'abc'.replace(b'', b'-'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'abc'.replace(b'', b'-')", _r, "b'-a-b-c-'")
try:
    _r = repr(b'AbC'.isupper())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'AbC'.isupper()", _r, 'False')
try:
    _r = repr(b'123'.isdigit())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'123'.isdigit()", _r, 'True')
try:
    _r = repr(b'a b'.isalpha())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a b'.isalpha()", _r, 'False')
try:
    _r = repr(bytearray(b'abc').decode())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray(b'abc').decode()", _r, "'abc'")
try:
    _r = repr(b'x'.hex())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'x'.hex()", _r, "'78'")
try:
    _r = repr(bytes.fromhex(''))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytes.fromhex('')", _r, "b''")
try:
    _r = repr(bytearray(b'ab') == bytearray(b'ab'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray(b'ab') == bytearray(b'ab')", _r, 'True')
try:
    _r = repr(bytearray(b'ab') < b'ac')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray(b'ab') < b'ac'", _r, 'True')
try:
    _r = repr(b'a' in bytearray(b'cab'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a' in bytearray(b'cab')", _r, 'True')
try:
    _r = repr(len(bytearray(5)))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check('len(bytearray(5))', _r, '5')
try:
    ba = bytearray(b'abc')
    ba.insert(0, 120)
    ba.insert(100, 121)
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); ba.insert(0, 120); ba.insert(100, 121); ba", _r, "bytearray(b'xabcy')")
try:
    ba = bytearray(b'abc')
    ba.remove(98)
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); ba.remove(98); ba", _r, "bytearray(b'ac')")
try:
    ba = bytearray(b'abc')
    ba.reverse()
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); ba.reverse(); ba", _r, "bytearray(b'cba')")
try:
    ba = bytearray(b'abc')
    c = ba.copy()
    c.append(1)
    _r = repr((ba, c))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); c = ba.copy(); c.append(1); (ba, c)", _r, "(bytearray(b'abc'), bytearray(b'abc\\x01'))")
try:
    ba = bytearray(b'abc')
    ba.clear()
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); ba.clear(); ba", _r, "bytearray(b'')")
try:
    ba = bytearray(b'abcdef')
    ba[1:3] = []
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abcdef'); ba[1:3] = []; ba", _r, "bytearray(b'adef')")
try:
    ba = bytearray(b'abc')
    ba[5:] = b'zz'
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); ba[5:] = b'zz'; ba", _r, "bytearray(b'abczz')")
try:
    ba = bytearray(b'abc')
    ba[::-1] = b'xyz'
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abc'); ba[::-1] = b'xyz'; ba", _r, "bytearray(b'zyx')")
try:
    ba = bytearray(b'abcdef')
    del ba[4:1:-1]
    _r = repr(ba)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("ba = bytearray(b'abcdef'); del ba[4:1:-1]; ba", _r, "bytearray(b'abf')")
try:
    _r = repr(list(iter(bytearray(b'hi'))))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("list(iter(bytearray(b'hi')))", _r, '[104, 105]')
try:
    _r = repr(str(bytearray(b'x')))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("str(bytearray(b'x'))", _r, '"bytearray(b\'x\')"')
try:
    _r = repr(b'%s' % 'a')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'%s' % 'a'", _r, "!!TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'")
try:
    _r = repr(b'%b' % 1)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'%b' % 1", _r, "!!TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'int'")
try:
    _r = repr(b'%c' % 256)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'%c' % 256", _r, '!!OverflowError: %c arg not in range(256)')
try:
    _r = repr(b'%c' % 'a')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'%c' % 'a'", _r, '!!TypeError: %c requires an integer in range(256) or a single byte')
try:
    _r = repr(b'%r %a' % ('é', b'x'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'%r %a' % ('é', b'x')", _r, 'b"\'\\\\xe9\' b\'x\'"')
try:
    _r = repr(b'%s' % bytearray(b'q'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'%s' % bytearray(b'q')", _r, "b'q'")
try:
    _r = repr(b'%5s|' % b'ab')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'%5s|' % b'ab'", _r, "b'   ab|'")
try:
    _r = repr(b'%x %d' % (255, 3))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'%x %d' % (255, 3)", _r, "b'ff 3'")
try:
    _r = repr(b'%(a)s' % {b'a': b'v'})
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'%(a)s' % {b'a': b'v'}", _r, "b'v'")
try:
    _r = repr(b'%(a)s' % {'a': b'v'})
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'%(a)s' % {'a': b'v'}", _r, "!!KeyError: b'a'")
try:
    _r = repr(bytearray(b'%d') % 3)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray(b'%d') % 3", _r, "bytearray(b'3')")
try:
    _r = repr(b'%.1s' % b'abc')
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'%.1s' % b'abc'", _r, "b'a'")
try:
    _r = repr(b'x' % ())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'x' % ()", _r, "b'x'")
try:
    _r = repr(b'ab' % 1)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'ab' % 1", _r, '!!TypeError: not all arguments converted during bytes formatting')
try:
    _r = repr(b'%c' % 65)
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'%c' % 65", _r, "b'A'")
try:
    _r = repr(b'a'.center(3, b'ab'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a'.center(3, b'ab')", _r, '!!TypeError: center() argument 2 must be a byte string of length 1, not bytes')
try:
    _r = repr(b'a'.center(3, 'x'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a'.center(3, 'x')", _r, '!!TypeError: center() argument 2 must be a byte string of length 1, not str')
try:
    _r = repr(b'a'.center(4, b'*'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a'.center(4, b'*')", _r, "b'*a**'")
try:
    _r = repr(b'hello world'.title())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'hello world'.title()", _r, "b'Hello World'")
try:
    _r = repr(b'hELLO'.capitalize())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'hELLO'.capitalize()", _r, "b'Hello'")
try:
    _r = repr(b'aB'.swapcase())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'aB'.swapcase()", _r, "b'Ab'")
try:
    _r = repr(b'-5'.zfill(4))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'-5'.zfill(4)", _r, "b'-005'")
try:
    _r = repr(b'a.b'.partition(b'.'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a.b'.partition(b'.')", _r, "(b'a', b'.', b'b')")
try:
    _r = repr(b'a.b'.rpartition(b'x'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a.b'.rpartition(b'x')", _r, "(b'', b'', b'a.b')")
try:
    _r = repr(b'a\nb\r\nc\x0bd'.splitlines())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a\\nb\\r\\nc\\x0bd'.splitlines()", _r, "[b'a', b'b', b'c\\x0bd']")
try:
    _r = repr(b'a\nb'.splitlines(True))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a\\nb'.splitlines(True)", _r, "[b'a\\n', b'b']")
try:
    _r = repr(b'a\tb'.expandtabs(4))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'a\\tb'.expandtabs(4)", _r, "b'a   b'")
try:
    _r = repr(b'Ab Cd'.istitle())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'Ab Cd'.istitle()", _r, 'True')
try:
    _r = repr(b'ab'.removeprefix(b'a'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'ab'.removeprefix(b'a')", _r, "b'b'")
try:
    _r = repr(b'ab'.partition('a'))
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("b'ab'.partition('a')", _r, "!!TypeError: a bytes-like object is required, not 'str'")
try:
    _r = repr(bytearray(b'ab').title())
except Exception as _e:
    _r = '!!' + type(_e).__name__ + ': ' + str(_e)
_check("bytearray(b'ab').title()", _r, "bytearray(b'Ab')")
print(len(_fails), "failures")
assert not _fails
