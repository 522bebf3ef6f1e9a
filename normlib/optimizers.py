r"""Gradient-based optimizers with an L2 penalty or decoupled weight decay.

Used by the chapter "Summary" to show why, in deep learning, an L2 penalty and
weight decay are the same thing for plain gradient descent but not for an
adaptive optimizer such as Adam (Loshchilov & Hutter, 2019).

Both optimizers take the gradient of the *loss* as a function and two ways of
regularizing:

- ``l2``: add :math:`\lambda w` to the gradient, i.e. minimize
  loss + :math:`\tfrac12 \lambda \lVert w \rVert_2^2` (the "L2 penalty", coupled
  with the optimizer's rescaling of the gradient);
- ``weight_decay``: after the optimizer's step, shrink the weights,
  :math:`w \leftarrow w - \text{lr}\cdot\text{wd}\cdot w` (decoupled weight
  decay; the convention of PyTorch's ``SGD``/``AdamW``, where the decay is
  multiplied by the learning rate).
"""

import numpy as np

from ._validation import check_array, check_scalar

__all__ = ["adam", "gradient_descent"]


def _check_common(grad, w0, lr, n_steps, l2, weight_decay, func):
    if not callable(grad):
        raise TypeError(
            f"The 'grad' parameter of {func} must be a callable w -> gradient; "
            f"got {type(grad).__name__}."
        )
    w0 = check_array(w0, "w0", func, ndim=1)
    lr = check_scalar(lr, "lr", func, low=0.0, low_inclusive=False)
    n_steps = check_scalar(n_steps, "n_steps", func, low=0, integer=True)
    l2 = check_scalar(l2, "l2", func, low=0.0)
    weight_decay = check_scalar(weight_decay, "weight_decay", func, low=0.0)
    return w0, lr, n_steps, l2, weight_decay


def _gradient(grad, w, step, func):
    """``grad(w)`` as a float array of the shape of ``w``, or a clear error naming ``grad``.

    ``step`` is the index of ``w`` in the returned path (0 for ``w0``).
    """
    value = grad(w.copy())  # a copy: a grad that modifies its argument cannot change w
    if value is None:
        got = "None"
    else:
        try:
            array = np.asarray(value)
        except (TypeError, ValueError):  # a ragged list
            array = np.asarray(value, dtype=object)
        if array.dtype.kind in "biuf" and array.shape == w.shape:
            array = array.astype(np.float64)
            if not np.isfinite(array).all():
                kind = "NaN" if np.isnan(array).any() else "inf"
                raise ValueError(
                    f"The 'grad' parameter of {func} returned {kind} at step {step}; "
                    f"the gradient must be finite (is the learning rate too large?)."
                )
            return array
        got = (
            f"dtype {array.dtype}" if array.dtype.kind not in "biuf"
            else f"shape {array.shape}"
        )
    raise TypeError(
        f"The 'grad' parameter of {func} must return an array of real numbers of "
        f"shape {w.shape} (the shape of w0); got {got} at step {step}."
    )


def gradient_descent(grad, w0, lr, n_steps, *, l2=0.0, weight_decay=0.0):
    r"""Plain gradient descent, recording every iterate.

    .. math::

        w_{t+1} = w_t - \text{lr}\,\big(\nabla L(w_t) + \lambda_2 w_t\big)
                  - \text{lr}\cdot\text{wd}\cdot w_t

    For plain gradient descent the two regularizers are the same update:
    ``l2=λ`` and ``weight_decay=λ`` give identical trajectories, which is why
    the L2 penalty is called weight decay.

    Parameters
    ----------
    grad : callable
        ``grad(w)`` returns the gradient of the loss at ``w`` (shape of ``w``).
    w0 : array_like of shape (n_features,)
        Starting point (not modified).
    lr : float
        Learning rate, > 0.
    n_steps : int
        Number of steps, >= 0.
    l2 : float, default=0.0
        Strength :math:`\lambda_2` of the L2 penalty
        :math:`\tfrac12 \lambda_2 \lVert w\rVert_2^2` added to the loss.
    weight_decay : float, default=0.0
        Decoupled weight decay (multiplied by ``lr``, as in PyTorch).

    Returns
    -------
    ndarray of shape (n_steps + 1, n_features)
        The iterates, starting with ``w0``.

    See Also
    --------
    adam : the adaptive optimizer, for which the two regularizers differ.
    normlib.gradient_step : one step :math:`w - \text{lr}\cdot g`.

    Examples
    --------
    >>> import numpy as np
    >>> from normlib import gradient_descent
    >>> zero_loss = lambda w: np.zeros_like(w)
    >>> gradient_descent(zero_loss, [1.0, -2.0], lr=0.1, n_steps=2, l2=1.0)
    array([[ 1.  , -2.  ],
           [ 0.9 , -1.8 ],
           [ 0.81, -1.62]])
    """
    w0, lr, n_steps, l2, weight_decay = _check_common(
        grad, w0, lr, n_steps, l2, weight_decay, "gradient_descent"
    )
    path = np.empty((n_steps + 1, w0.size))
    path[0] = w = w0.copy()
    for t in range(n_steps):
        g = _gradient(grad, w, t, "gradient_descent") + l2 * w
        w = w - lr * g - lr * weight_decay * w
        path[t + 1] = w
    return path


def adam(grad, w0, lr, n_steps, *, betas=(0.9, 0.999), eps=1e-8, l2=0.0, weight_decay=0.0):
    r"""Adam (Kingma & Ba, 2015), with an L2 penalty or decoupled weight decay (AdamW).

    .. math::

        g_t &= \nabla L(w_t) + \lambda_2 w_t \\
        m_t &= \beta_1 m_{t-1} + (1-\beta_1) g_t, \qquad
        v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2 \\
        w_{t+1} &= w_t
            - \text{lr}\,\frac{m_t / (1-\beta_1^t)}{\sqrt{v_t / (1-\beta_2^t)} + \epsilon}
                  - \text{lr}\cdot\text{wd}\cdot w_t

    With ``l2`` the penalty's gradient :math:`\lambda_2 w` passes through
    Adam's division by :math:`\sqrt{v_t}`, so a weight is *not* shrunk in
    proportion to its size: the L2 penalty and weight decay stop being the same
    thing (Loshchilov & Hutter, 2019). ``weight_decay`` (AdamW) restores the
    proportional shrinkage.

    Parameters
    ----------
    grad : callable
        ``grad(w)`` returns the gradient of the loss at ``w``.
    w0 : array_like of shape (n_features,)
        Starting point (not modified).
    lr : float
        Learning rate, > 0.
    n_steps : int
        Number of steps, >= 0.
    betas : tuple of two floats in [0, 1), default=(0.9, 0.999)
        Decay rates of the first and second moment estimates.
    eps : float, default=1e-8
        Added to the denominator, > 0.
    l2 : float, default=0.0
        Strength of an L2 penalty added to the gradient ("Adam with L2").
    weight_decay : float, default=0.0
        Decoupled weight decay, multiplied by ``lr`` ("AdamW", PyTorch's convention).

    Returns
    -------
    ndarray of shape (n_steps + 1, n_features)
        The iterates, starting with ``w0``.

    See Also
    --------
    gradient_descent : where the L2 penalty and weight decay coincide.
    torch.optim.Adam, torch.optim.AdamW : the same updates in PyTorch
        (``Adam(weight_decay=λ)`` there is our ``l2=λ``).

    Examples
    --------
    A constant gradient makes every Adam step exactly ``-lr * sign(g)`` (up to
    ``eps``), whatever the gradient's size:

    >>> import numpy as np
    >>> from normlib import adam
    >>> constant = lambda w: np.array([100.0, 0.01])
    >>> np.round(adam(constant, [0.0, 0.0], lr=0.1, n_steps=2), 4)
    array([[ 0. ,  0. ],
           [-0.1, -0.1],
           [-0.2, -0.2]])
    """
    w0, lr, n_steps, l2, weight_decay = _check_common(
        grad, w0, lr, n_steps, l2, weight_decay, "adam"
    )
    if not (isinstance(betas, tuple | list) and len(betas) == 2):
        raise ValueError(f"The 'betas' parameter of adam must be a pair of floats; got {betas!r}.")
    beta1 = check_scalar(betas[0], "betas[0]", "adam", low=0.0, high=1.0, high_inclusive=False)
    beta2 = check_scalar(betas[1], "betas[1]", "adam", low=0.0, high=1.0, high_inclusive=False)
    eps = check_scalar(eps, "eps", "adam", low=0.0, low_inclusive=False)

    path = np.empty((n_steps + 1, w0.size))
    path[0] = w = w0.copy()
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, n_steps + 1):
        g = _gradient(grad, w, t - 1, "adam") + l2 * w  # at path[t - 1]
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        w = w - lr * m_hat / (np.sqrt(v_hat) + eps) - lr * weight_decay * w
        path[t] = w
    return path
