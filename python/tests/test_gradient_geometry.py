"""Tests of the notebook helper: the spec it writes, the bundle it displays, and that the real
analyzer (the extension's CLI, dist/cli.js) accepts the spec with the settings it was given."""

import json
import os
import subprocess
import sys
import types
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import gradient_geometry as gg  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
# The CLI built by `node esbuild.js`; GG_CLI points elsewhere (e.g. a build of another checkout).
CLI = Path(os.environ.get("GG_CLI", ROOT / "dist" / "cli.js"))

X = [[0.5, 1.0], [1.0, 0.2], [0.3, 0.9], [0.8, 0.6]]
Y = [0.1, -0.4, 0.7, 0.2]


class ArrayLike:
    """What the helper needs of a NumPy array: tolist()."""

    def __init__(self, rows):
        self.rows = rows

    def tolist(self):
        return self.rows


def analyze(spec_text):
    """The analysis JSON of `node dist/cli.js analyze - --json`, or the CLI's error text."""
    if not CLI.is_file():
        raise AssertionError(f"{CLI} is missing: run `node esbuild.js` first")
    done = subprocess.run(["node", str(CLI), "analyze", "-", "--json"], input=spec_text, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise AssertionError(f"the analyzer rejected the spec (exit {done.returncode}):\n{done.stderr}\n{spec_text}")
    return json.loads(done.stdout)


class SpecText(unittest.TestCase):
    def test_writes_rows_labels_and_settings_as_statements(self):
        text = gg.spec(X, Y, w=[1.5, -0.5], lr=0.2, optimizer="momentum(0.8)", steps=30, batch=2, loss="squared")
        self.assertIn("x = [[0.5, 1.0],\n     [1.0, 0.2],", text)
        self.assertIn("y = [0.1, -0.4, 0.7, 0.2]\n", text)
        for line in ("w = [1.5, -0.5]", "lr = 0.2", "optimizer = momentum(0.8)", "steps = 30", "batch = 2", "loss = squared"):
            self.assertIn(line + "\n", text)

    def test_accepts_array_likes_such_as_numpy_arrays(self):
        self.assertEqual(gg.spec(ArrayLike(X), ArrayLike(Y)), gg.spec(X, Y))

    @unittest.skipUnless(__import__("importlib").util.find_spec("numpy"), "NumPy is not installed (the helper needs only the standard library)")
    def test_accepts_numpy_arrays_and_scalars(self):
        import numpy as np

        text = gg.spec(np.array(X, dtype=np.float32), np.array(Y), w=np.array([1.5, -0.5]), lr=np.float64(0.2), steps=np.int64(30))
        self.assertIn("lr = 0.2\n", text)
        self.assertIn("steps = 30\n", text)
        self.assertIn("w = [1.5, -0.5]\n", text)

    def test_a_flat_x_is_one_sample_and_a_string_x_a_distribution(self):
        self.assertIn("x = [0.62, 0.88]\n", gg.spec([0.62, 0.88]))
        self.assertIn("x ~ sigmoid(normal(0, 1))\n", gg.spec("sigmoid(normal(0, 1))"))

    def test_compare_lists_batch_all_shuffle_and_a_fixed_bias(self):
        text = gg.spec(X, Y, compare=["center", "momentum(0.9)"], batch="all", shuffle=True, b=0.5, fixed_bias=True)
        self.assertIn("compare = center, momentum(0.9)\n", text)
        self.assertIn("batch = all\n", text)
        self.assertIn("shuffle = true\n", text)
        self.assertIn("b = 0.5 fixed\n", text)

    def test_rejects_what_cannot_be_written(self):
        with self.assertRaisesRegex(ValueError, "not a finite"):
            gg.spec([[1.0, float("nan")]])
        with self.assertRaisesRegex(ValueError, "different lengths"):
            gg.spec([[1.0, 2.0], [3.0]])
        with self.assertRaisesRegex(ValueError, "whole number"):
            gg.spec(steps=2.5)
        with self.assertRaisesRegex(TypeError, "unknown setting"):
            gg.spec(learning_rate=0.1)
        with self.assertRaisesRegex(TypeError, "expected a number"):
            gg.spec([["a", 1.0]])

    def test_a_setting_cannot_start_a_second_statement(self):
        for bad in ("sgd\nsteps = 1", "sgd; steps = 1", "sgd # note", "lr = 2"):
            with self.assertRaises(ValueError, msg=bad):
                gg.spec(optimizer=bad)


class Display(unittest.TestCase):
    def test_without_ipython_show_returns_the_bundle(self):
        saved = sys.modules.get("IPython.display", None)
        sys.modules["IPython.display"] = None  # makes `from IPython.display import display` fail
        try:
            bundle = gg.show(X, Y, lr=0.1, title="my data", step=3)
        finally:
            if saved is None:
                del sys.modules["IPython.display"]
            else:
                sys.modules["IPython.display"] = saved
        self.assertEqual(set(bundle), {gg.MIME, "text/plain"})
        self.assertEqual(gg.MIME, "application/vnd.gradient-geometry+json")
        self.assertEqual(bundle[gg.MIME], {"spec": gg.spec(X, Y, lr=0.1), "title": "my data", "step": 3})
        json.dumps(bundle)  # what Jupyter stores must be JSON

    def test_with_ipython_show_displays_the_raw_bundle(self):
        calls = []
        fake = types.ModuleType("IPython.display")
        fake.display = lambda obj, raw=False: calls.append((obj, raw))
        saved = sys.modules.get("IPython.display")
        sys.modules["IPython.display"] = fake
        try:
            self.assertIsNone(gg.show(X, Y, lr=0.1))
        finally:
            if saved is None:
                del sys.modules["IPython.display"]
            else:
                sys.modules["IPython.display"] = saved
        self.assertEqual(len(calls), 1)
        obj, raw = calls[0]
        self.assertTrue(raw)
        self.assertEqual(obj[gg.MIME]["spec"], gg.spec(X, Y, lr=0.1))

    def test_the_text_stand_in_shows_the_start_of_a_long_spec(self):
        rows = [[k / 100, 1 - k / 100] for k in range(100)]
        text = gg.figure(rows, steps=10).bundle()["text/plain"]
        self.assertIn("x = [[0.0, 1.0],", text)
        self.assertRegex(text, r"\.\.\. \(\d+ more lines\)$")
        self.assertLess(len(text.splitlines()), 20)
        short = gg.figure([[1.0, 2.0]], steps=10).bundle()["text/plain"]
        self.assertTrue(short.endswith("steps = 10"))

    def test_a_figure_is_displayed_through_repr_mimebundle(self):
        fig = gg.figure(X, Y, steps=10)
        self.assertEqual(fig._repr_mimebundle_(), fig.bundle())
        self.assertEqual(fig.bundle()[gg.MIME], {"spec": gg.spec(X, Y, steps=10)})


class RealAnalyzer(unittest.TestCase):
    def test_the_analyzer_accepts_the_spec_with_the_given_settings(self):
        result = analyze(gg.spec(ArrayLike(X), Y, w=[1.5, -0.5], lr=0.2, optimizer="momentum(0.8)", steps=30, batch=2, compare=["center"]))
        self.assertEqual(result["dimension"], 2)
        self.assertEqual(result["samples"], 4)
        self.assertEqual(result["loss"], "squared")
        self.assertEqual(result["learningRate"]["value"], 0.2)
        self.assertEqual(result["run"]["stepsRun"], 30)
        self.assertEqual(len(result["variants"]), 1)
        self.assertTrue(result["sentence"])

    def test_the_analyzer_accepts_generated_inputs_a_logistic_loss_and_a_fixed_bias(self):
        result = analyze(gg.spec("tanh(normal(0, 1))", target=[-1, 1], loss="logistic", lr=0.5, steps=25, samples=16, seed=3, fixed_bias=True))
        self.assertEqual(result["samples"], 16)
        self.assertEqual(result["loss"], "logistic")
        self.assertFalse(result["biasTrained"])
        self.assertEqual(result["run"]["stepsRun"], 25)

    def test_every_number_round_trips_through_the_analyzer(self):
        x = [[1e-7, 123456.789], [-2.5e-3, 0.1]]
        result = analyze(gg.spec(x, [0.3, -1e-4], steps=1))
        self.assertEqual(result["samples"], 2)


if __name__ == "__main__":
    unittest.main()
