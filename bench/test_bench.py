"""Unit tests of the benchmark helpers (run by `make bench-smoke`):
python3 -m unittest discover -s bench -p 'test_*.py'"""
import os
import struct
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402
import svgplot  # noqa: E402
import wasmsize  # noqa: E402


class CorpusTest(unittest.TestCase):
    def test_blob_is_real_text_near_the_size(self):
        text = corpus.blob(20_000)
        self.assertLessEqual(len(text), 20_000)
        self.assertGreater(len(text), 10_000)
        self.assertTrue(text.startswith(corpus.reference_text().strip("\n")[:200]))

    def test_documents_reach_the_size_with_unique_ids(self):
        docs = corpus.documents(50_000)
        self.assertGreaterEqual(sum(len(d["text"]) for d in docs), 50_000)
        self.assertEqual(len({d["id"] for d in docs}), len(docs))
        self.assertTrue(all(d["text"] in corpus.articles() for d in docs))


class PlotTest(unittest.TestCase):
    def test_plot_is_svg_with_one_legend_entry_per_series(self):
        svg = svgplot.plot({"a": [(3_000, 1e6), (1e6, 2e6)], "b": [(3_000, 4e4)]}, "t")
        root = ET.fromstring(svg)
        self.assertTrue(root.tag.endswith("svg"))
        texts = [t.text for t in root.iter() if t.tag.endswith("text")]
        self.assertIn("a", texts)
        self.assertIn("b", texts)

    def test_empty_plot_is_still_svg(self):
        self.assertTrue(ET.fromstring(svgplot.plot({}, "t")).tag.endswith("svg"))


def uleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def section(sid, body):
    return bytes([sid]) + uleb(len(body)) + body


class WasmSizeTest(unittest.TestCase):
    def test_lists_functions_by_size_with_names(self):
        # Two function bodies (3 and 10 bytes) and a name section naming function 1.
        code = uleb(2) + uleb(3) + b"\x00\x00\x0b" + uleb(10) + b"\x00" * 9 + b"\x0b"
        names_sub = uleb(1) + uleb(1) + uleb(3) + b"big"
        name = uleb(4) + b"name" + bytes([1]) + uleb(len(names_sub)) + names_sub
        wasm = b"\x00asm" + struct.pack("<I", 1) + section(10, code) + section(0, name)
        with tempfile.NamedTemporaryFile(suffix=".wasm", delete=False) as f:
            f.write(wasm)
        try:
            lines = wasmsize.top(f.name, 5).splitlines()
        finally:
            os.unlink(f.name)
        self.assertIn("data section", lines[2])
        self.assertIn("big", lines[3])
        self.assertTrue(lines[3].strip().startswith("10"))
        self.assertIn("func[0]", lines[4])


if __name__ == "__main__":
    unittest.main()
