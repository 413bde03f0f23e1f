#!/usr/bin/env python3
"""Train, quantize and check the mcuc example model `mbv2_shapes`.

Run through make_model.sh (which builds the throwaway venv). Steps:
  1. draw a seeded synthetic data set: 144x144 RGB images of one filled circle, square or
     triangle (random size, position and colours) on a noisy background; 3 classes
  2. train Keras' MobileNetV2 (alpha 0.35, no pretrained weights) on it with fixed seeds
  3. convert to a fully int8 TFLite model (int8 input and output, no float tensors)
  4. check: op set, no float32 / QUANTIZE / DEQUANTIZE, int8 accuracy with the TFLite
     reference kernels and with the tflite-micro Python runtime (bit-identical outputs)
  5. write mbv2_shapes.tflite and sample_input.npy next to this script

The point of the model is its memory profile, not its task: MobileNetV2's first, 72x72
stage needs more SRAM layer by layer than a 256 KB board has, and runs patch by patch in
a fraction of it.
"""
import argparse
import collections
import os
import random
import sys
import time

import numpy as np

SEED = 2026
SIZE = 144
CLASSES = ("circle", "square", "triangle")
TRAIN, TEST = 1200, 150
ALLOWED_OPS = {
    "CONV_2D", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED", "ADD", "PAD", "MEAN", "RESHAPE", "SOFTMAX",
    "AVERAGE_POOL_2D",
}
TFLM_SAMPLES = 30
SAMPLE_INDEX = 0  # index into the test split of the image saved as sample_input.npy


def set_seeds():
    os.environ.setdefault("PYTHONHASHSEED", str(SEED))
    random.seed(SEED)
    np.random.seed(SEED)
    import tensorflow as tf
    tf.keras.utils.set_random_seed(SEED)
    tf.config.experimental.enable_op_determinism()
    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(1)


def draw(rng, label):
    """One image in [0, 1]: a dark, noisy two-colour background and one bright filled shape of
    class `label` (the contrast keeps the task learnable in a few epochs)."""
    yy, xx = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)
    top, bottom = rng.uniform(0, 0.35, 3), rng.uniform(0, 0.35, 3)
    t = (yy / (SIZE - 1))[..., None]
    img = top * (1 - t) + bottom * t + rng.normal(0, 0.05, (SIZE, SIZE, 3))
    r = rng.uniform(18, 44)
    cy, cx = rng.uniform(r, SIZE - r, 2)
    if CLASSES[label] == "circle":
        mask = (yy - cy) ** 2 + (xx - cx) ** 2 <= r * r
    elif CLASSES[label] == "square":
        mask = (np.abs(yy - cy) <= r * 0.85) & (np.abs(xx - cx) <= r * 0.85)
    else:  # an upward triangle: below the apex, inside both slanted edges
        mask = (yy >= cy - r) & (yy <= cy + r * 0.7) & (np.abs(xx - cx) <= (yy - (cy - r)) * 0.6)
    colour = rng.uniform(0.6, 1, 3)
    img[mask] = colour + rng.normal(0, 0.03, (int(mask.sum()), 3))
    return np.clip(img, 0, 1).astype(np.float32)


def make_data():
    rng = np.random.default_rng(SEED)
    labels = np.arange(TRAIN + TEST) % len(CLASSES)
    rng.shuffle(labels)
    images = np.stack([draw(rng, int(k)) for k in labels])
    return images[:TRAIN], labels[:TRAIN], images[TRAIN:], labels[TRAIN:]


def build_model():
    import tensorflow as tf
    inp = tf.keras.layers.Input(shape=(SIZE, SIZE, 3), batch_size=1, name="image")
    return tf.keras.applications.MobileNetV2(
        input_tensor=inp, alpha=0.35, weights=None, classes=len(CLASSES), include_top=True,
        classifier_activation="softmax")


def convert(model, x_train):
    import tensorflow as tf

    def representative_dataset():
        for i in range(0, min(len(x_train), 200)):
            yield [x_train[i:i + 1]]

    conv = tf.lite.TFLiteConverter.from_keras_model(model)
    conv.optimizations = [tf.lite.Optimize.DEFAULT]
    conv.representative_dataset = representative_dataset
    conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
    conv.inference_input_type = tf.int8
    conv.inference_output_type = tf.int8
    return conv.convert()


def quantize(x, detail):
    scale, zp = detail["quantization"]
    q = np.round(x / scale) + zp
    return np.clip(q, -128, 127).astype(np.int8)


def inspect(tflite_bytes):
    import tensorflow as tf
    interp = tf.lite.Interpreter(
        model_content=tflite_bytes,
        experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_REF,
    )
    interp.allocate_tensors()
    ops = collections.Counter(op["op_name"] for op in interp._get_ops_details())
    tensors = interp.get_tensor_details()
    float_tensors = [t["name"] for t in tensors if np.issubdtype(t["dtype"], np.floating)]
    return interp, ops, float_tensors


def tflite_outputs(interp, x_q):
    inp = interp.get_input_details()[0]
    out = interp.get_output_details()[0]
    outs = []
    for img in x_q:
        interp.set_tensor(inp["index"], img[None])
        interp.invoke()
        outs.append(interp.get_tensor(out["index"])[0].copy())
    return outs


def tflm_outputs(path, x_q):
    try:
        from tflite_micro.python.tflite_micro import runtime
    except ImportError:
        from tflite_micro import runtime
    it = runtime.Interpreter.from_file(path, arena_size=2_000_000)
    sys.stdout.flush()
    it.print_allocations()  # arena use as measured by tflite-micro (host build, 64-bit pointers)
    sys.stdout.flush()
    outs = []
    for img in x_q:
        it.set_input(img[None], 0)
        it.invoke()
        outs.append(np.array(it.get_output(0)).reshape(-1).copy())
    return outs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out-dir", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--epochs", type=int, default=8)
    args = ap.parse_args()

    set_seeds()
    import tensorflow as tf
    print(f"tensorflow {tf.__version__}, numpy {np.__version__}")

    t0 = time.time()
    x_train, y_train, x_test, y_test = make_data()
    print(f"shapes: train {x_train.shape}, test {x_test.shape} ({time.time() - t0:.1f} s to draw)")

    model = build_model()
    print(f"parameters: {model.count_params()}")
    t0 = time.time()
    # The deployed model has a batch of 1; train a twin with a free batch and copy its weights.
    free = tf.keras.applications.MobileNetV2(
        input_shape=(SIZE, SIZE, 3), alpha=0.35, weights=None, classes=len(CLASSES), include_top=True,
        classifier_activation="softmax")
    # Keras' BatchNormalization momentum (0.999) needs thousands of steps before its moving
    # statistics (what inference and the converter use) follow the weights; this run has a few
    # hundred.
    for layer in free.layers:
        if isinstance(layer, tf.keras.layers.BatchNormalization):
            layer.momentum = 0.9
    free.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.003),
                 loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    free.fit(x_train, y_train, epochs=args.epochs, batch_size=32, shuffle=True, verbose=2)
    model.set_weights(free.get_weights())
    _, float_acc = free.evaluate(x_test, y_test, verbose=0)
    print(f"float test accuracy: {float_acc:.4f} ({len(x_test)} images, {time.time() - t0:.1f} s training)")

    tflite_bytes = convert(model, x_train)
    interp, ops, float_tensors = inspect(tflite_bytes)
    print(f"model bytes: {len(tflite_bytes)}")
    print("op counts: " + ", ".join(f"{name} {n}" for name, n in sorted(ops.items())))
    inp = interp.get_input_details()[0]
    out = interp.get_output_details()[0]
    print(f"input : {inp['name']} {np.dtype(inp['dtype']).name} {list(inp['shape'])} quant={inp['quantization']}")
    print(f"output: {out['name']} {np.dtype(out['dtype']).name} {list(out['shape'])} quant={out['quantization']}")

    problems = []
    if sorted(set(ops) - ALLOWED_OPS):
        problems.append(f"ops outside the allowed set: {sorted(set(ops) - ALLOWED_OPS)}")
    if float_tensors:
        problems.append(f"float tensors present: {float_tensors[:5]}")
    if inp["dtype"] != np.int8 or out["dtype"] != np.int8:
        problems.append("model I/O is not int8")

    x_test_q = np.stack([quantize(img, inp) for img in x_test])
    ref = tflite_outputs(interp, x_test_q)
    int8_acc = np.mean([np.argmax(o) == y for o, y in zip(ref, y_test)])
    print(f"int8 TFLite (reference kernels) test accuracy: {int8_acc:.4f}")

    path = os.path.join(args.out_dir, "mbv2_shapes.tflite")
    with open(path, "wb") as f:
        f.write(tflite_bytes)
    micro = tflm_outputs(path, x_test_q[:TFLM_SAMPLES])
    same = sum(int(np.array_equal(a, b)) for a, b in zip(micro, ref[:TFLM_SAMPLES]))
    print(f"tflite-micro outputs identical to TFLite's on {same} of {TFLM_SAMPLES} images")
    if same != TFLM_SAMPLES:
        problems.append("tflite-micro differs from the TFLite reference kernels")
    if int8_acc < 0.6:
        problems.append(f"int8 accuracy {int8_acc:.3f} < 0.6")

    sample = x_test_q[SAMPLE_INDEX][None]
    np.save(os.path.join(args.out_dir, "sample_input.npy"), sample)
    print(f"sample_input.npy: label {CLASSES[int(y_test[SAMPLE_INDEX])]}, TFLite output {ref[SAMPLE_INDEX].tolist()}")
    if problems:
        for p in problems:
            print("CHECK FAILED: " + p)
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
