"""The peer of `gradient-geometry analyze --json` for the benchmark's headline case (issue 10 §4):
the same loop in numpy, as a student would write it. Whole process, like the CLI:
data (sigmoid of normal draws), teacher labels, H = E[x~ x~^T] and its eigen-decomposition, the
least-squares optimum, 1,000 full-batch gradient-descent steps recording theta, the loss and the
gradient of every step, and the path written as JSON.
Usage: python3 numpy_descent.py N P STEPS > out.json
"""
import json
import sys

import numpy as np

n, P, steps = (int(a) for a in sys.argv[1:4])
rng = np.random.default_rng(7)
x = 1.0 / (1.0 + np.exp(-rng.standard_normal((P, n))))
w_star = np.where(np.arange(n) % 2 == 0, -1.0, 1.0)
y = x @ w_star
xt = np.hstack([x, np.ones((P, 1))])  # trained bias: x~ = [x, 1]
H = xt.T @ xt / P
c = xt.T @ y / P
k = 0.5 * np.mean(y * y)
eigenvalues, eigenvectors = np.linalg.eigh(H)
theta_star = np.linalg.lstsq(xt, y, rcond=None)[0]
theta = np.concatenate([np.where(np.arange(n) % 2 == 0, 1.5, -0.5), [0.0]])
lr = 0.02
path = []
for step in range(steps + 1):
    Ht = H @ theta
    loss = 0.5 * theta @ Ht - c @ theta + k
    grad = Ht - c
    path.append({"step": step, "w": theta[:n].tolist(), "b": float(theta[n]), "loss": float(loss), "gradient": grad.tolist()})
    if step < steps:
        theta = theta - lr * grad
json.dump({"eigenvalues": eigenvalues.tolist(), "optimum": theta_star.tolist(), "path": path}, sys.stdout)
