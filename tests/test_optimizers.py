"""Tests of normlib.optimizers against closed forms of the updates.

There is no optimizer library among the test dependencies, so each reference
below is a closed form derived from the update rules (Kingma & Ba 2015,
Algorithm 1; Loshchilov & Hutter 2019, Algorithm 2), stated next to its test.
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_allclose

import normlib as nl


def quadratic_grad(A, b):
    """Gradient of the loss 0.5 w'Aw - b'w."""
    return lambda w: A @ w - b


def test_gradient_descent_l2_equals_weight_decay():
    # For plain gradient descent, w - lr(g + λw) and w - lr g - lr λ w are the same update.
    rng = np.random.default_rng(0)
    M = rng.standard_normal((4, 4))
    grad = quadratic_grad(M @ M.T + np.eye(4), rng.standard_normal(4))
    w0 = rng.standard_normal(4)
    coupled = nl.gradient_descent(grad, w0, lr=0.05, n_steps=50, l2=0.3)
    decoupled = nl.gradient_descent(grad, w0, lr=0.05, n_steps=50, weight_decay=0.3)
    assert_allclose(coupled, decoupled, rtol=1e-12, atol=1e-12)


def test_gradient_descent_converges_to_ridge_solution():
    # Minimizer of 0.5 w'Aw - b'w + 0.5 λ|w|² solves (A + λI) w = b.
    rng = np.random.default_rng(1)
    M = rng.standard_normal((3, 3))
    A, b, lam = M @ M.T + np.eye(3), rng.standard_normal(3), 0.5
    path = nl.gradient_descent(quadratic_grad(A, b), np.zeros(3), lr=0.05, n_steps=3000, l2=lam)
    assert_allclose(path[-1], np.linalg.solve(A + lam * np.eye(3), b), rtol=1e-8)


def test_adam_constant_gradient_moves_by_lr_per_step():
    # With a constant gradient g the bias-corrected moments are exactly g and g²,
    # so each step is -lr * g / (|g| + eps), whatever the size of g.
    g = np.array([100.0, 0.01, -3.0])
    path = nl.adam(lambda w: g, np.zeros(3), lr=0.1, n_steps=5, eps=1e-8)
    expected = -0.1 * np.arange(6)[:, None] * g / (np.abs(g) + 1e-8)
    assert_allclose(path, expected, rtol=1e-10, atol=1e-12)


def test_adamw_decay_alone_is_geometric():
    # Zero loss gradient: AdamW only decays, w_t = w0 (1 - lr wd)^t.
    w0 = np.array([2.0, -0.5])
    path = nl.adam(lambda w: np.zeros_like(w), w0, lr=0.01, n_steps=20, weight_decay=0.5)
    expected = w0 * (1 - 0.01 * 0.5) ** np.arange(21)[:, None]
    assert_allclose(path, expected, rtol=1e-12)


def test_adam_l2_alone_is_not_proportional():
    # Zero loss gradient with an L2 penalty: the first Adam step is -lr * sign(w0)
    # (Adam normalizes λw by its own size), so a large and a small weight move by the
    # same amount -- unlike weight decay, which moves each in proportion to its size.
    w0 = np.array([10.0, 0.1])
    path = nl.adam(lambda w: np.zeros_like(w), w0, lr=0.01, n_steps=1, l2=0.5)
    assert_allclose(w0 - path[1], [0.01, 0.01], rtol=1e-6)


@given(
    st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=5),
    st.floats(1e-4, 1.0),
    st.integers(0, 5),
)
def test_optimizers_start_at_w0_and_do_not_mutate(w0, lr, n_steps):
    w0 = np.array(w0)
    before = w0.copy()
    for optimizer in (nl.gradient_descent, nl.adam):
        path = optimizer(lambda w: 2 * w, w0, lr=lr, n_steps=n_steps)
        assert path.shape == (n_steps + 1, w0.size)
        assert_allclose(path[0], before)
    assert_allclose(w0, before)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"lr": 0.0}, r"'lr' parameter of adam must be a real number > 0"),
        ({"n_steps": -1}, r"'n_steps' parameter of adam must be an integer >= 0"),
        ({"l2": -1.0}, r"'l2' parameter of adam must be a real number >= 0"),
        ({"weight_decay": np.nan}, r"'weight_decay' parameter of adam must be a finite"),
        ({"betas": (0.9, 1.0)}, r"'betas\[1\]' parameter of adam must be a real number >= 0 and < 1"),  # noqa: E501
        ({"eps": 0.0}, r"'eps' parameter of adam must be a real number > 0"),
    ],
)
def test_adam_bad_input(kwargs, message):
    args = {"lr": 0.1, "n_steps": 3} | kwargs
    with pytest.raises(ValueError, match=message):
        nl.adam(lambda w: w, [1.0], **args)


def test_grad_must_be_callable():
    with pytest.raises(TypeError, match="'grad' parameter of gradient_descent must be a callable"):
        nl.gradient_descent([1.0], [1.0], lr=0.1, n_steps=1)


# ---------------------------------------------------------------- issue 12: bad grad callables


@pytest.mark.parametrize("optimizer", [nl.gradient_descent, nl.adam])
@pytest.mark.parametrize(
    ("returned", "error", "message"),
    [
        (lambda w: None, TypeError, r"must return an array of real numbers .*got None"),
        (lambda w: w[:1], TypeError, r"of shape \(2,\) \(the shape of w0\); got shape \(1,\)"),
        (lambda w: w + 1j, TypeError, r"got dtype complex128"),
        (lambda w: ["a", "b"], TypeError, r"got dtype <U1"),
        (lambda w: [[1.0], [2.0, 3.0]], TypeError, r"got dtype object"),
        (lambda w: w * np.nan, ValueError, r"returned NaN at step 0"),
        (lambda w: w * np.inf, ValueError, r"returned inf at step 0"),
    ],
)
def test_bad_grad_results_are_named(optimizer, returned, error, message):
    with pytest.raises(error, match=rf"'grad' parameter of {optimizer.__name__} .*{message}"):
        optimizer(returned, [1.0, 2.0], 0.1, 3)


def test_grad_cannot_modify_the_iterate():
    def rude(w):
        w[:] = 100.0  # modifies its argument
        return np.zeros_like(w)

    path = nl.gradient_descent(rude, [1.0, 2.0], 0.1, 2)
    assert_allclose(path, [[1.0, 2.0]] * 3)
