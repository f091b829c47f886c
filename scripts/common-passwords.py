#!/usr/bin/env python3
"""Writes app/src/accounts/password/common-passwords.txt: passwords of 12 or more
characters that guessing tools try first. They are the most used short
passwords and words (Swedish and English) lengthened the ways people
lengthen them: repeated, with years, digit runs and punctuation; plus
keyboard walks and digit sequences. Run it again after editing the lists."""

bases = """password passw0rd qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm letmein welcome
admin administrator iloveyou monkey dragon master sunshine princess football
baseball shadow superman batman trustno1 starwars whatever freedom charlie
michael jennifer hunter ranger buster soccer hockey killer george computer
internet secret summer winter spring autumn hello login access changeme
default guest test testing system server database manager office company
sommar vinter hosten varen hejsan hejhej losenord lösenord sverige stockholm
goteborg göteborg malmo malmö uppsala kommun region myndighet upphandling
innovation samrad samråd kalle anna erik lars karin maria johan eva peter
mikael andreas fredrik daniel jonas emma sara hanna elsa lisa olof sven
volvo saab ikea hammarby aik djurgarden djurgården blabarsmos kanelbulle
fotboll hockey ishockey midsommar jultomten tomten godjul gottnyttar
abc abcd abcde abcdef 123abc qazwsx qweasd 1q2w3e 1q2w3e4r zaq12wsx
""".split()

suffixes = ["", "1", "12", "123", "1234", "12345", "123456", "!", "1!", "123!",
            "2020", "2021", "2022", "2023", "2024", "2025", "2026", "!!", "01",
            "69", "007", "99", "00", "11", "22", "88", "777"]
years = [str(y) for y in range(1950, 2031)]

out = set()
for base in bases:
    for word in {base, base.capitalize(), base.upper()}:
        for s in suffixes + years + [y + "!" for y in years[-12:]]:
            out.add(word + s)
        out.add(word * 2)
        out.add(word * 3)
        out.add(word + word[::-1])
for n in range(12, 21):
    out.add("".join(str(i % 10) for i in range(1, n + 1)))
    out.add("".join(str(i % 10) for i in range(n, 0, -1)))
    for d in "0123456789":
        out.add(d * n)
walks = ["qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb", "qazwsxedcrfvtgbyhn",
         "1q2w3e4r5t6y7u8i9o0p", "zaq1xsw2cde3vfr4", "!qaz@wsx#edc$rfv", "qwertzuiop",
         "azertyuiop", "asdfghjkl;", "poiuytrewq", "mnbvcxzlkjhgf"]
for walk in walks:
    for n in range(12, len(walk) + 1):
        out.add(walk[:n])
words = [w.lower() for w in out if len(w) >= 12]
with open("app/src/accounts/password/common-passwords.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(sorted(set(words))) + "\n")
print(len(set(words)), "passwords")
