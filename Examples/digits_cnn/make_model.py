#!/usr/bin/env python3
"""Train, quantize and check the mcuc example model `digits_cnn`.

Run through make_model.sh (which builds the throwaway venv). Steps:
  1. load scikit-learn's bundled 8x8 digits data set (no download), scale to [0,1]
  2. train a tiny Keras CNN with fixed seeds
  3. convert to a fully int8 TFLite model (int8 input and output, no float tensors)
  4. check: op set, no float32 / QUANTIZE / DEQUANTIZE, int8 accuracy with the
     TFLite interpreter and with the tflite-micro Python runtime
  5. write digits_cnn.tflite and sample_input.npy next to this script
"""
import argparse
import collections
import os
import random
import sys
import time

import numpy as np

SEED = 1234
ALLOWED_OPS = {
    "CONV_2D", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED", "ADD", "AVERAGE_POOL_2D",
    "MAX_POOL_2D", "RESHAPE", "SOFTMAX", "MEAN", "PAD",
}
TFLM_SAMPLES = 100
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


def load_data():
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()  # bundled with scikit-learn, values 0..16
    x = (digits.images.astype(np.float32) / 16.0)[..., None]  # (N, 8, 8, 1) in [0,1]
    y = digits.target.astype(np.int64)
    return train_test_split(x, y, test_size=0.2, random_state=SEED, stratify=y)


def build_model():
    import tensorflow as tf
    L = tf.keras.layers
    inp = L.Input(shape=(8, 8, 1), batch_size=1, name="image")
    a = L.Conv2D(8, 3, padding="same", activation="relu", name="conv1")(inp)
    b = L.DepthwiseConv2D(3, padding="same", activation="relu", name="dw")(a)
    b = L.Conv2D(8, 1, padding="same", name="pw_lin")(b)
    r = L.Add(name="residual")([a, b])  # residual ADD
    c = L.Conv2D(16, 1, activation="relu", name="pw")(r)
    c = L.MaxPooling2D(2, name="maxpool")(c)          # 4x4x16
    c = L.AveragePooling2D(2, name="avgpool")(c)      # 2x2x16
    c = L.Flatten(name="flatten")(c)                  # 64
    c = L.Dense(10, name="logits")(c)
    out = L.Softmax(name="probs")(c)
    return tf.keras.Model(inp, out, name="digits_cnn")


def train(model, x_train, y_train, epochs):
    import tensorflow as tf
    model.compile(
        optimizer=tf.keras.optimizers.Adam(learning_rate=0.01),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    model.fit(x_train, y_train, epochs=epochs, batch_size=32, shuffle=True, verbose=0)


def convert(model, x_train):
    import tensorflow as tf

    def representative_dataset():
        for i in range(0, min(len(x_train), 500)):
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
    # Reference kernels, no XNNPACK delegate: the op list then shows the real
    # builtin ops (not DELEGATE), and the arithmetic matches tflite-micro's.
    interp = tf.lite.Interpreter(
        model_content=tflite_bytes,
        experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_REF,
    )
    interp.allocate_tensors()
    ops = collections.Counter(op["op_name"] for op in interp._get_ops_details())
    tensors = interp.get_tensor_details()
    float_tensors = [t["name"] for t in tensors if np.issubdtype(t["dtype"], np.floating)]
    return interp, ops, tensors, float_tensors


def tflite_accuracy(interp, x, y):
    inp = interp.get_input_details()[0]
    out = interp.get_output_details()[0]
    hits = 0
    for img, label in zip(x, y):
        interp.set_tensor(inp["index"], quantize(img[None], inp))
        interp.invoke()
        hits += int(np.argmax(interp.get_tensor(out["index"])[0]) == label)
    return hits / len(x)


def tflm_accuracy(path, x_q, y):
    try:
        from tflite_micro.python.tflite_micro import runtime
    except ImportError:
        from tflite_micro import runtime
    it = runtime.Interpreter.from_file(path, arena_size=100000)
    sys.stdout.flush()
    it.print_allocations()  # arena use as measured by tflite-micro (host build, 64-bit pointers)
    sys.stdout.flush()
    hits = 0
    outs = []
    for img, label in zip(x_q, y):
        it.set_input(img, 0)
        it.invoke()
        o = it.get_output(0)
        outs.append(o)
        hits += int(np.argmax(o) == label)
    return hits / len(x_q), outs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out-dir", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--epochs", type=int, default=60)
    args = ap.parse_args()

    set_seeds()
    import tensorflow as tf
    print(f"tensorflow {tf.__version__}, keras {tf.keras.__version__ if hasattr(tf.keras, '__version__') else '?'}, numpy {np.__version__}")

    x_train, x_test, y_train, y_test = load_data()
    print(f"digits: train {x_train.shape}, test {x_test.shape}")

    model = build_model()
    model.summary(print_fn=lambda s: print("  " + s))
    t0 = time.time()
    train(model, x_train, y_train, args.epochs)
    _, float_acc = model.evaluate(x_test, y_test, verbose=0)
    print(f"float test accuracy: {float_acc:.4f} ({len(x_test)} images, {time.time() - t0:.1f} s training)")

    tflite_bytes = convert(model, x_train)
    interp, ops, tensors, float_tensors = inspect(tflite_bytes)

    print(f"model bytes: {len(tflite_bytes)}")
    print("op counts:")
    for name, n in sorted(ops.items()):
        print(f"  {name}: {n}")
    print("tensors:")
    for t in sorted(tensors, key=lambda t: t["index"]):
        scale, zp = t["quantization"]
        qp = t["quantization_parameters"]
        if len(qp["scales"]) > 1:
            q = f"per-channel({len(qp['scales'])} scales, axis {qp['quantized_dimension']})"
        elif len(qp["scales"]) == 1:
            q = f"scale={qp['scales'][0]:.6g} zp={int(qp['zero_points'][0])}"
        else:
            q = "unquantized"
        print(f"  [{t['index']:2d}] {np.dtype(t['dtype']).name:<6s} {str(list(t['shape'])):<14s} {q:<38s} {t['name'][:70]}")

    inp = interp.get_input_details()[0]
    out = interp.get_output_details()[0]
    print(f"input : {inp['name']} {np.dtype(inp['dtype']).name} {list(inp['shape'])} quant={inp['quantization']}")
    print(f"output: {out['name']} {np.dtype(out['dtype']).name} {list(out['shape'])} quant={out['quantization']}")

    problems = []
    bad_ops = sorted(set(ops) - ALLOWED_OPS)
    if bad_ops:
        problems.append(f"ops outside the allowed set: {bad_ops}")
    if float_tensors:
        problems.append(f"float tensors present: {float_tensors}")
    if {"QUANTIZE", "DEQUANTIZE"} & set(ops):
        problems.append("QUANTIZE/DEQUANTIZE present (I/O not fully int8)")
    if inp["dtype"] != np.int8 or out["dtype"] != np.int8:
        problems.append("model I/O is not int8")
    if len(tflite_bytes) >= 50 * 1024:
        problems.append(f"model too large: {len(tflite_bytes)} bytes")

    int8_acc = tflite_accuracy(interp, x_test, y_test)
    print(f"int8 test accuracy (tf.lite.Interpreter): {int8_acc:.4f} ({len(x_test)} images)")

    os.makedirs(args.out_dir, exist_ok=True)
    model_path = os.path.join(args.out_dir, "digits_cnn.tflite")
    with open(model_path, "wb") as f:
        f.write(tflite_bytes)

    x_q = np.stack([quantize(img[None], inp) for img in x_test[:TFLM_SAMPLES]])
    sample = x_q[SAMPLE_INDEX]
    assert list(sample.shape) == list(inp["shape"]), (sample.shape, inp["shape"])
    sample_path = os.path.join(args.out_dir, "sample_input.npy")
    np.save(sample_path, sample)

    # Reference output of the sample with the TFLite interpreter.
    interp.set_tensor(inp["index"], sample)
    interp.invoke()
    ref = interp.get_tensor(out["index"])
    print(f"sample_input.npy: test image #{SAMPLE_INDEX}, shape {list(sample.shape)} int8, "
          f"label {int(y_test[SAMPLE_INDEX])}, tflite predicts {int(np.argmax(ref))}")
    print(f"  tflite output (int8): {ref.flatten().tolist()}")

    tflm_acc, tflm_outs = tflm_accuracy(model_path, x_q, y_test[:TFLM_SAMPLES])
    print(f"int8 accuracy (tflite-micro runtime): {tflm_acc:.4f} ({len(x_q)} images)")
    print(f"  tflite-micro output for sample (int8): {np.asarray(tflm_outs[SAMPLE_INDEX]).flatten().tolist()}")
    # Compare TFLM vs TFLite bit-for-bit on the same images.
    mismatches = 0
    for img, o in zip(x_q, tflm_outs):
        interp.set_tensor(inp["index"], img)
        interp.invoke()
        if not np.array_equal(interp.get_tensor(out["index"]), np.asarray(o).reshape(out["shape"])):
            mismatches += 1
    print(f"tflite vs tflite-micro outputs differing: {mismatches}/{len(x_q)}")
    if tflm_acc < 0.85:
        problems.append(f"tflite-micro accuracy too low: {tflm_acc:.4f}")

    print(f"wrote {model_path} ({len(tflite_bytes)} bytes) and {sample_path}")
    if problems:
        for p in problems:
            print("PROBLEM:", p, file=sys.stderr)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
