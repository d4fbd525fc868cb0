# a small bank/inventory simulation exercising classes, exceptions and containers
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount} (balance {account.balance})")
        self.amount = amount
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))
        return self
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))
        return self
    def __repr__(self):
        return f"Account(#{self.id} {self.owner}: {self.balance})"
class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, owner, initial=0):
        acc = cls(owner, initial)
        self.accounts[acc.id] = acc
        return acc
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except KeyError:
            raise LookupError(f"no account {src}") from None
        self.accounts[dst].deposit(amount)
    def total(self):
        return sum(a.balance for a in self.accounts.values())
    def __iter__(self):
        return iter(sorted(self.accounts.values(), key=lambda a: (-a.balance, a.id)))
bank = Bank()
a = bank.open(Account, "ann", 100)
b = bank.open(Savings, "bob", 250)
c = bank.open(Account, "cy")
bank.transfer(1, 3, 40)
bank.transfer(2, 1, 100)
for op in [lambda: bank.transfer(3, 2, 1000), lambda: bank.transfer(9, 1, 1), lambda: a.deposit(-5), lambda: bank.transfer(1, 9, 1)]:
    try:
        op()
    except (InsufficientFunds, LookupError, ValueError) as e:
        print(type(e).__name__, e)
print(b.add_interest(), b, isinstance(b, Account), type(b).__mro__[1].__name__)
print(list(bank), bank.total())
print(a.history, b.history, c.history)
a.deposit(1).deposit(2).withdraw(3)
print(a, len(a.history), Account._next_id)
inventory = {}
orders = [("apple", 5), ("pear", 2), ("apple", -2), ("plum", 7), ("pear", -2), ("kiwi", 0)]
for item, qty in orders:
    inventory[item] = inventory.get(item, 0) + qty
    if inventory[item] == 0:
        del inventory[item]
print(inventory, sorted(inventory, key=inventory.get))
