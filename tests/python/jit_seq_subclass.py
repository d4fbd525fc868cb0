# A loop compiled for list/tuple iterators must not read a list or tuple subclass
# instance's items as if it were a plain list/tuple (their items live elsewhere).


class MyList(list):
    pass


class MyTuple(tuple):
    pass


def total(seq):
    s = 0
    for x in seq:
        s += x
    return s


data = [list(range(5)), MyList(range(7)), (1, 2, 3), MyTuple((4, 5, 6, 7)), MyList(), []]
acc = []
for i in range(400):
    acc.append(total(data[i % len(data)]))
print(sum(acc), acc[:12])
print(total(MyList([10, 20])), total(MyTuple(range(30))))
