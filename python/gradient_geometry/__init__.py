"""Gradient Geometry pictures from a Jupyter notebook.

``show(x, y, w=..., lr=...)`` turns arrays and training settings into a neuron spec (the
``.neuron`` language of the Gradient Geometry VS Code extension) and displays it with the MIME
type ``application/vnd.gradient-geometry+json``, which the extension's notebook renderer draws
as the interactive weight-plane picture. Standard library only; NumPy arrays (anything with
``tolist()``) are accepted.

    from gradient_geometry import show
    show(X, y, w=[1.5, -0.5], lr=0.1, optimizer="momentum(0.9)", steps=200, batch=1)

The output format is described in the extension's docs/notebooks.md.
"""

import math
import numbers

__all__ = ["MIME", "Figure", "figure", "show", "spec"]

MIME = "application/vnd.gradient-geometry+json"

# Lines of the spec the text/plain stand-in shows.
_PLAIN_LINES = 12

# Settings written as `name = value`, in this order, with the spec-language name of each.
_SETTINGS = (
    ("w", "w"),
    ("b", "b"),
    ("target", "w*"),
    ("target_b", "b*"),
    ("loss", "loss"),
    ("optimizer", "optimizer"),
    ("lr", "lr"),
    ("batch", "batch"),
    ("shuffle", "shuffle"),
    ("steps", "steps"),
    ("preprocess", "preprocess"),
    ("samples", "samples"),
    ("seed", "seed"),
    ("compare", "compare"),
    ("view", "view"),
)


def _plain(value):
    """A NumPy array or scalar as Python lists and numbers; anything else unchanged."""
    tolist = getattr(value, "tolist", None)
    return tolist() if callable(tolist) else value


def _number(value, name):
    value = _plain(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name}: expected a number, got {type(value).__name__}")
    if not math.isfinite(value):
        raise ValueError(f"{name}: {value} is not a finite number")
    # repr gives the shortest text that reads back as the same float; integers stay integers.
    return str(int(value)) if isinstance(value, numbers.Integral) else repr(float(value))


def _whole(value, name):
    text = _number(value, name)
    if not text.lstrip("-").isdigit():
        raise ValueError(f"{name}: expected a whole number, got {text}")
    return text


def _vector(value, name):
    value = _plain(value)
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise TypeError(f"{name}: expected a list of numbers")
    items = [_number(v, f"{name}[{k}]") for k, v in enumerate(value)]
    if not items:
        raise ValueError(f"{name}: is empty")
    return "[" + ", ".join(items) + "]"


def _matrix(value, name):
    """Rows of numbers (one sample per row); a flat list is one sample, as in the spec language."""
    value = _plain(value)
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise TypeError(f"{name}: expected rows of numbers (samples x inputs)")
    rows = list(value)
    if not rows:
        raise ValueError(f"{name}: has no samples")
    if not any(hasattr(_plain(r), "__iter__") for r in rows):
        return _vector(rows, name)
    lines = [_vector(r, f"{name}[{k}]") for k, r in enumerate(rows)]
    widths = {line.count(",") for line in lines}
    if len(widths) > 1:
        raise ValueError(f"{name}: rows have different lengths")
    pad = " " * (len(name) + 4)
    return "[" + (",\n" + pad).join(lines) + "]"


def _word(value, name):
    """A word or call such as `momentum(0.9)`: one statement's value, never a second statement."""
    text = str(value).strip()
    if not text or any(c in text for c in "\n\r;#=") or "//" in text:
        raise ValueError(f"{name}: {text!r} is not a single value")
    return text


def _value(key, value):
    if key in ("w", "target"):
        return _vector(value, key)
    if key in ("lr", "b", "target_b"):
        return _number(value, key)
    if key in ("steps", "samples", "seed"):
        return _whole(value, key)
    if key == "batch":
        return "all" if value == "all" else _whole(value, key)
    if key == "shuffle":
        if not isinstance(value, bool):
            raise TypeError("shuffle: expected True or False")
        return "true" if value else "false"
    if key in ("compare", "view") and not isinstance(value, str):
        return ", ".join(_word(v, key) for v in value)
    return _word(value, key)


def spec(x=None, y=None, *, fixed_bias=False, model=None, **settings):
    """The neuron spec text for inputs ``x`` (samples x inputs), labels ``y`` and settings.

    ``x`` may also be a distribution such as ``"sigmoid(normal(0, 1))"`` (generated inputs),
    or None for the default lesson's inputs. Settings: w, b, target (w*), target_b (b*), loss,
    optimizer, lr, batch (a number or "all"), shuffle, steps, preprocess, samples, seed,
    compare (a name or a list), view; ``fixed_bias=True`` keeps b out of training and
    ``model`` is the model line (e.g. ``"w·x"`` for no bias). Raises ValueError or TypeError
    for values that cannot be written (non-finite numbers, ragged rows, a setting that would
    start a second statement); everything else is checked by the analysis, which shows its
    located errors in the picture's place.
    """
    unknown = sorted(set(settings) - {k for k, _ in _SETTINGS})
    if unknown:
        raise TypeError(f"unknown setting(s): {', '.join(unknown)}")
    lines = ["# written by gradient_geometry.spec()"]
    if model is not None:
        lines.append(f"f = {_word(model, 'model')}")
    if isinstance(x, str):
        lines.append(f"x ~ {_word(x, 'x')}")
    elif x is not None:
        lines.append(f"x = {_matrix(x, 'x')}")
    if y is not None:
        y = _plain(y)
        lines.append(f"y = {_vector(y if hasattr(y, '__iter__') else [y], 'y')}")
    for key, written in _SETTINGS:
        value = settings.get(key)
        if value is None:
            continue
        text = _value(key, value)
        if key == "b" and fixed_bias:
            text += " fixed"
        lines.append(f"{written} = {text}")
    if fixed_bias and settings.get("b") is None:
        lines.append("b = 0 fixed")
    return "\n".join(lines) + "\n"


class Figure:
    """A spec ready to display: Jupyter calls ``_repr_mimebundle_``."""

    def __init__(self, spec_text, title=None, step=None):
        self.spec = spec_text
        self.title = title
        self.step = step

    def data(self):
        """The JSON payload of the MIME type."""
        out = {"spec": self.spec}
        if self.title is not None:
            out["title"] = str(self.title)
        if self.step is not None:
            out["step"] = int(self.step)
        return out

    def bundle(self):
        """``{mime: data}`` with a plain-text stand-in for viewers without the extension."""
        lines = self.spec.splitlines()
        # The stand-in shows the start of the spec: a large data set would fill the page.
        shown = lines if len(lines) <= _PLAIN_LINES else lines[:_PLAIN_LINES] + [f"... ({len(lines) - _PLAIN_LINES} more lines)"]
        text = "Gradient Geometry figure (drawn by the Gradient Geometry extension in VS Code)\n" + "\n".join(shown)
        return {MIME: self.data(), "text/plain": text}

    def _repr_mimebundle_(self, include=None, exclude=None):
        return self.bundle()

    def __repr__(self):
        return f"Figure({self.spec!r})"


def figure(x=None, y=None, *, title=None, step=None, **settings):
    """A ``Figure`` (displayed when it is a cell's last value) without displaying it now."""
    return Figure(spec(x, y, **settings), title=title, step=step)


def show(x=None, y=None, *, title=None, step=None, **settings):
    """Displays the picture of ``spec(x, y, **settings)`` in the notebook.

    With IPython present the figure is displayed at once and None is returned; otherwise the
    MIME bundle ``{mime: data}`` is returned (what ``_repr_mimebundle_`` gives Jupyter).
    """
    fig = figure(x, y, title=title, step=step, **settings)
    try:
        from IPython.display import display
    except ImportError:
        return fig.bundle()
    display(fig.bundle(), raw=True)
    return None
