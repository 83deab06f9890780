"""The peer of `gradient-geometry render LESSON -o out.svg` for the benchmark (issue 10 §4): the same
picture drawn with numpy and matplotlib, as a student would. Whole process, like the CLI:
the lesson's data (sigmoid of normal draws, n = 2, P = 64), teacher labels, 60 SGD steps with
batch 1 (lr 0.5, trained bias), the Hessian and its eigen-directions, the least-squares optimum,
the loss on a 48 x 48 grid around the path with 12 contour levels, and one 640 x 600 px SVG with
the contours, the path (and its ghost), start, current point and optimum, the arrow to the
optimum, the allowed cone of the inputs (two rays and a shaded double cone), the eigen-axes,
grid, ticks, axis labels and the condition number.
Usage: python3 matplotlib_render.py OUT.svg
"""
import sys

import numpy as np
import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402

out = sys.argv[1]
n, P, steps, lr = 2, 64, 60, 0.5
rng = np.random.default_rng(7)
x = 1.0 / (1.0 + np.exp(-rng.standard_normal((P, n))))
w_star = np.array([-1.0, 1.0])
y = x @ w_star
xt = np.hstack([x, np.ones((P, 1))])
theta = np.array([1.5, -0.5, 0.0])

# 60 steps of batch 1, samples in order (shuffle = false), the path recorded.
path = [theta.copy()]
for k in range(steps):
    p = k % P
    delta = xt[p] @ theta - y[p]
    theta = theta - lr * delta * xt[p]
    path.append(theta.copy())
path = np.array(path)

H = xt.T @ xt / P
eigenvalues, eigenvectors = np.linalg.eigh(H)
kappa = eigenvalues[-1] / eigenvalues[0]
theta_star = np.linalg.lstsq(xt, y, rcond=None)[0]

# Loss on the plane (w1, w2), the bias held at the optimum's.
pts = np.vstack([path[:, :2], theta_star[:2]])
lo, hi = pts.min(axis=0), pts.max(axis=0)
centre, side = (lo + hi) / 2, (hi - lo).max() * 1.3
u = np.linspace(centre[0] - side / 2, centre[0] + side / 2, 48)
v = np.linspace(centre[1] - side / 2, centre[1] + side / 2, 48)
U, V = np.meshgrid(u, v)
F = U[..., None] * x[:, 0] + V[..., None] * x[:, 1] + theta_star[2]
L = 0.5 * np.mean((F - y) ** 2, axis=-1)
lmin, lmax = L.min(), L.max()
levels = lmin + (lmax - lmin) * 0.8 * 2.0 ** -np.arange(11, -1, -1)

fig, ax = plt.subplots(figsize=(6.4, 6.0), dpi=100)
ax.contour(U, V, L, levels=levels, colors="#8a8a8a", linewidths=0.8)
# The allowed cone: every batch-1 step is a multiple of one x_p, so it lies between the rays of
# the inputs with the smallest and the largest angle (and their opposites).
angles = np.arctan2(x[:, 1], x[:, 0])
r = side
cur = path[-1, :2]
for a in (angles.min(), angles.max()):
    d = np.array([np.cos(a), np.sin(a)])
    ax.plot([cur[0] - r * d[0], cur[0] + r * d[0]], [cur[1] - r * d[1], cur[1] + r * d[1]], color="#3a7bd5", lw=1)
wedge = [cur + r * np.array([np.cos(a), np.sin(a)]) for a in np.linspace(angles.min(), angles.max(), 16)]
ax.fill(*np.array([cur] + wedge).T, color="#3a7bd5", alpha=0.15)
ax.fill(*np.array([cur] + [2 * cur - p for p in wedge]).T, color="#3a7bd5", alpha=0.15)
# Eigen-axes of the weights' block through the optimum.
for k in range(2):
    e = eigenvectors[:2, k] / np.linalg.norm(eigenvectors[:2, k])
    ax.plot(theta_star[0] + np.array([-1, 1]) * side * e[0] / 3, theta_star[1] + np.array([-1, 1]) * side * e[1] / 3, ls="--", color="#b05fc2", lw=0.8)
    ax.annotate(f"λ = {eigenvalues[k]:.3g}", theta_star[:2] + side * e / 3, color="#b05fc2", fontsize=8)
ax.plot(path[:, 0], path[:, 1], color="#d95f02", lw=4, alpha=0.15)
ax.plot(path[:, 0], path[:, 1], color="#d95f02", lw=1.5, marker=".", ms=3)
ax.plot(*path[0, :2], "o", color="#1b9e77", ms=7, label="start")
ax.plot(*cur, "o", color="#d95f02", ms=7, label=f"step {steps}")
ax.plot(*theta_star[:2], "*", color="#111111", ms=12, label="optimum w*")
ax.annotate("", theta_star[:2], cur, arrowprops=dict(arrowstyle="->", color="#555555", lw=1, ls=":"))
ax.axhline(0, color="#cccccc", lw=0.8)
ax.axvline(0, color="#cccccc", lw=0.8)
ax.set_xlim(u[0], u[-1])
ax.set_ylim(v[0], v[-1])
ax.set_aspect("equal")
ax.grid(True, color="#eeeeee")
ax.set_xlabel("w1")
ax.set_ylabel("w2")
ax.text(0.02, 0.97, f"κ = {kappa:.3g}", transform=ax.transAxes, va="top", fontsize=9)
ax.set_title(f"step {steps} of {steps}")
ax.legend(loc="lower right", fontsize=8)
fig.savefig(out, format="svg")
