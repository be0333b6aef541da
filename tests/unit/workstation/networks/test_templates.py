"""Template clusters on plain texts: signatures, boilerplate, stock phrases, scripts, slots."""

from __future__ import annotations

import numpy as np
from datasketch import MinHash

from workstation.networks.templates import (
    AdText,
    TemplateParams,
    describe,
    find_templates,
    permutations,
    shingle_hashes,
    signatures,
    strip_boilerplate,
)

TEMPLATE = (
    "New girl in town! My name is {name}, {age} years old, just arrived in {city}. Sweet and open minded, "
    "I love to make you relax in my private apartment near the station. Only {price} euro for one hour. "
    "WhatsApp me {phone}"
)
ZH = "你好，我是{name}，{age}岁，刚来{city}。温柔体贴，服务周到，欢迎来我的公寓放松一下。微信{phone}"


def test_signatures_equal_datasketch_minhash() -> None:
    texts = ["Hallo, ik ben Anna, 23 jaar uit Amsterdam!", "", "短", "你好我是小美，22岁，来自上海，电话13800138000"]
    hashes, offsets = shingle_hashes(texts, sample_bits=0)
    sigs = signatures(hashes, offsets, permutations())
    for i in range(len(texts)):
        part = hashes[offsets[i] : offsets[i + 1]]
        if part.size == 0:
            assert (sigs[i] == 0xFFFFFFFF).all()
            continue
        m = MinHash(num_perm=sigs.shape[1], seed=1, hashfunc=int)
        m.update_batch([int(x) for x in part])
        assert np.array_equal(m.hashvalues, sigs[i])


def test_templates_across_scripts_ignore_chrome_and_stock_phrases() -> None:
    stock = "100% real photos, no rush, discretion guaranteed, call me now."
    docs: list[AdText] = []
    people = [
        ("Anna", 21, "Amsterdam", 150, "+31 6 1234 5671"),
        ("Lena", 23, "Utrecht", 160, "+31 6 1234 5672"),
        ("Mia", 22, "Breda", 170, "+31 6 1234 5673"),
    ]
    for k, (name, age, city, price, phone) in enumerate(people):
        body = TEMPLATE.format(name=name, age=age, city=city, price=price, phone=phone)
        docs.append(
            AdText(k, f"Home | Ladies | Login\n{body}\nAll advertisers are 18+. © 2026 site.example", "site.example")
        )
    for k, (name, age, city) in enumerate([("小美", 22, "上海"), ("小丽", 24, "北京"), ("小红", 21, "广州")]):
        docs.append(AdText(10 + k, ZH.format(name=name, age=age, city=city, phone=f"wx_{k}88"), "other.example"))
    # Unrelated ads: same site chrome and one stock phrase each, otherwise different.
    lone = [
        "Massage therapist with ten years of experience offers relaxing full body massage in Leiden.",
        "Sporty couple looks for friends for dinners and weekend trips to the beach; we love dogs.",
        "Mature lady receives gentlemen in a quiet villa outside Haarlem, parking in front of the house.",
        "Student offers company for concerts and museum visits in Groningen, weekends only.",
    ]
    for k, body in enumerate(lone):
        docs.append(
            AdText(
                20 + k,
                f"Home | Ladies | Login\n{body} {stock}\nAll advertisers are 18+. © 2026 site.example",
                "site.example",
            )
        )
    content, found = strip_boilerplate(docs)
    assert found >= 2 and "Home | Ladies" not in content[0] and "advertisers" not in content[0]
    result = find_templates(docs, TemplateParams(stock_min=3, stock_share=0.3, min_shingles=5))
    ids = [sorted(docs[i].item_id for i in c) for c in result.clusters]
    assert ids == [[0, 1, 2], [10, 11, 12]]
    assert all(link.jaccard >= 0.4 for link in result.links)


def test_describe_shows_common_phrases_and_slots() -> None:
    texts = [
        TEMPLATE.format(name="Anna", age=21, city="Amsterdam", price=150, phone="+31 6 1234 5671"),
        TEMPLATE.format(name="Lena", age=23, city="Den Haag", price=160, phone="+31 6 1234 5672"),
        TEMPLATE.format(name="Mia", age=22, city="Breda", price=170, phone="+31 6 2222 5673"),
    ]
    d = describe(texts)
    kinds = {s.kind: s.values for s in d.slots}
    assert set(kinds) == {"name", "age", "city", "price", "phone"}
    assert set(kinds["name"]) == {"Anna", "Lena", "Mia"}
    assert set(kinds["city"]) == {"Amsterdam", "Den Haag", "Breda"}
    assert "+31 6 2222 5673" in kinds["phone"]
    assert "«New girl in town! My name is »" in d.highlighted()
    zh = describe(
        [
            ZH.format(name=n, age=a, city=c, phone=p)
            for n, a, c, p in [
                ("小美", 22, "上海", "13800138000"),
                ("小丽", 24, "北京", "13900139000"),
                ("小红", 21, "广州", "13700137000"),
            ]
        ]
    )
    zkinds = {s.kind for s in zh.slots}
    assert {"age", "phone"} <= zkinds and "欢迎来我的公寓放松一下" in "".join(zh.text[s:e] for s, e in zh.common)


def test_no_ads_and_tiny_ads() -> None:
    assert find_templates([]).clusters == []
    assert find_templates([AdText(1, "hi")]).clusters == []
    same = "Hi there my friend, how are you doing today? New in town, call me."
    assert find_templates([AdText(1, same), AdText(2, same)]).clusters == [[0, 1]]
