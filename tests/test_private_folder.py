"""okrlint's private per-user folder: derived files of one kind do not pile up, and the vocabulary's term index
is kept between runs without changing what is matched."""

from __future__ import annotations

import os

from okrlint.text import segment, stored
from okrlint.text.vocab import TermMatcher, TermTokens, Vocabulary


def test_a_new_file_of_a_kind_removes_the_oldest_beyond_the_limit(tmp_path):
    for n in range(20):
        old = tmp_path / f"segments-{n:04d}.marshal"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    (tmp_path / "vocab-aaaa.marshal").write_bytes(b"x")  # another kind: untouched
    (tmp_path / "segments-busy.marshal.123.tmp").write_bytes(b"x")  # another process writing: untouched

    stored.write(tmp_path / "segments-new.marshal", {"a": 1})

    kept = sorted(p.name for p in tmp_path.glob("segments-*.marshal"))
    assert len(kept) == stored.KEPT_PER_KIND
    assert "segments-new.marshal" in kept
    assert "segments-0019.marshal" in kept and "segments-0000.marshal" not in kept
    assert (tmp_path / "vocab-aaaa.marshal").exists()
    assert (tmp_path / "segments-busy.marshal.123.tmp").exists()


def test_rewriting_an_existing_file_removes_nothing(tmp_path):
    for n in range(20):
        (tmp_path / f"terms-{n:04d}.marshal").write_bytes(b"x")
    stored.write(tmp_path / "terms-0005.marshal", {"a": 1})
    assert len(list(tmp_path.glob("terms-*.marshal"))) == 20


def test_the_kept_term_index_matches_like_a_fresh_one(tmp_path, monkeypatch):
    monkeypatch.setattr(segment, "_private_dir", tmp_path)
    vocabulary = Vocabulary(
        categories={},
        languages={"en": {"vague": ("improve*", "better", "world class")}, "th": {"vague": ("ปรับปรุง",)}},
    )

    def tokenize(text):
        return tuple(text.lower().split())

    tokens = ("we", "improved", "to", "world", "class", "ปรับปรุง")
    memo = TermTokens("k")
    first = TermMatcher(vocabulary, tokenize, memo).match(tokens)
    memo._save()  # what the first run keeps at its exit
    stored.write(memo._path("termindex"), memo._indexes)
    kept = stored.read_dict(tmp_path / "termindex-k.marshal")
    assert {key[-1] for key in kept if isinstance(key, tuple)} == {"others", "thai"}

    def no_tokenizing(text):
        raise AssertionError("the kept index is used, nothing is tokenized again")

    again = TermMatcher(vocabulary, no_tokenizing, TermTokens("k")).match(tokens)
    assert first == again
    assert {term.text for _, term in first["vague"]} == {"improve*", "world class", "ปรับปรุง"}


def test_a_kept_catalogue_translates_like_a_fresh_one(tmp_path, monkeypatch):
    import yaml

    from okrlint.report import messages

    monkeypatch.setattr(messages, "_kept_catalogues", stored.KeptDict(lambda: "catalogues-test.marshal", 4))
    monkeypatch.setattr(messages, "_kept_catalogue_texts", stored.KeptDict(lambda: "texts-test.marshal", 4))
    monkeypatch.setattr(segment, "_private_dir", tmp_path)
    data = {
        "language": "th",
        "lists": {"terms": {"split": ", ", "join": ", "}},
        "messages": [{"en": "vague wording ({terms:terms}) here", "th": "ถ้อยคำกว้าง ๆ ({terms}) ตรงนี้"}],
        "parts": [{"en": "improve", "th": "ปรับปรุง"}, {"en": "better", "th": "ดีขึ้น"}],
        "words": [{"en": "Teams", "th": "ทีม"}],
    }
    path = tmp_path / "th.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    fresh = messages.load_catalogue(path)
    for kept_dict in (messages._kept_catalogues, messages._kept_catalogue_texts):
        kept_dict.save()
        kept_dict.forget()
    assert stored.read_dict(tmp_path / "catalogues-test.marshal") and stored.read_dict(tmp_path / "texts-test.marshal")
    kept = messages.load_catalogue(path)
    message = "vague wording (improve, better) here"
    assert fresh.translate(message) == kept.translate(message) == "ถ้อยคำกว้าง ๆ (ปรับปรุง, ดีขึ้น) ตรงนี้"
    assert kept.plain() == fresh.plain()
    assert kept._words is None  # translating findings never read the report's words
    assert kept.word("Teams") == "ทีม" and kept.plain_texts() == fresh.plain_texts()


def test_a_second_vocabularys_term_index_is_kept_beside_the_first(tmp_path, monkeypatch):
    import atexit

    monkeypatch.setattr(segment, "_private_dir", tmp_path)
    registered = []
    monkeypatch.setattr(atexit, "register", lambda function, *args: registered.append((function, args)))
    stored.write(tmp_path / "termindex-k.marshal", {("index", "another vocabulary", "others"): ((), ())})
    memo = TermTokens("k")
    TermMatcher(Vocabulary(categories={}, languages={"en": {"vague": ("improve*",)}}),
                lambda text: tuple(text.split()), memo)
    for function, args in registered:
        function(*args)  # what the run's exit does
    kept = stored.read_dict(tmp_path / "termindex-k.marshal")
    assert len(kept) == 2  # the earlier vocabulary's index and this one's
