#!/usr/bin/env python3
"""Run TFLite models under the TensorFlow Lite Micro Python interpreter (the
bit-exact oracle for mcuc) and dump every non-constant tensor.

Single model:
    tflm_run.py MODEL --inputs in0.npy [in1.npy ...] --dump DIR [--arena-bytes N]

  `--inputs` may also be one .npz file whose keys are in0, in1, ... (the layout of
  shared/models/golden/*.npz).  Writes into DIR:
    t<i>.npy        every non-constant tensor i of subgraph 0 (inputs, activations,
                    variables, outputs), as TFLM holds it after invoke()
    s<g>_t<i>.npy   the same for subgraph g > 0 (models with control flow only)
    out<k>.npy      output k of the model (interpreter.get_output(k))
    tensors.json    per tensor: index, name, dtype, shape, quantization, constant?, dumped?
  Stale t*/s*_t*/out*.npy files in DIR are removed first.

Batch (one Python start-up for many models):
    tflm_run.py --batch JOBS.json [--results RESULTS.json] [--arena-bytes N] [--timeout S]

  JOBS.json is a list of {"model": path, "inputs": [paths], "dump": dir} objects
  (optional per-job "arena_bytes", and "invokes": N to run N consecutive invokes on the same
  inputs after one reset(), dumping after the last: the state of variable tensors carries over).  Relative paths are taken relative to the
  directory of JOBS.json.  The jobs run one after another in a worker subprocess;
  if TFLM kills the worker (abort/segfault) or a job times out, that job is
  reported as crashed and a fresh worker carries on with the next job.  A JSON
  result list (one object per job: ok, error, log, seconds, ...) is written to
  --results (or stdout); exit status is 0 only if every job succeeded.
"""

import argparse
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import time

DEFAULT_ARENA = 4 * 1024 * 1024


# --------------------------------------------------------------------------
# Model inspection (flatbuffer schema shipped in the tflite-micro wheel)
# --------------------------------------------------------------------------

def _schema():
    from tflite_micro.tensorflow.lite.micro.python import schema_py_generated as fb
    return fb


_DTYPE_NAMES = None


def _dtype_name(code):
    global _DTYPE_NAMES
    if _DTYPE_NAMES is None:
        fb = _schema()
        _DTYPE_NAMES = {v: k.lower() for k, v in vars(fb.TensorType).items()
                        if not k.startswith("_") and isinstance(v, int)}
    return _DTYPE_NAMES.get(code, str(code))


def inspect_model(data):
    """Return per-subgraph tensor tables, without unpacking weights."""
    fb = _schema()
    model = fb.Model.GetRootAs(data, 0)
    nbuf = model.BuffersLength()
    subgraphs = []
    for g in range(model.SubgraphsLength()):
        sg = model.Subgraphs(g)
        tensors = []
        for i in range(sg.TensorsLength()):
            t = sg.Tensors(i)
            b = t.Buffer()
            const = False
            if 0 < b < nbuf:
                buf = model.Buffers(b)
                # data inline, or (models > 2 GB) stored after the flatbuffer
                const = buf.DataLength() > 0 or buf.Offset() > 1
            q = t.Quantization()
            quant = None
            if q is not None and q.ScaleLength() > 0:
                quant = {
                    "scale": [float(q.Scale(k)) for k in range(q.ScaleLength())],
                    "zero_point": [int(q.ZeroPoint(k)) for k in range(q.ZeroPointLength())],
                    "quantized_dimension": int(q.QuantizedDimension()),
                }
            name = t.Name()
            tensors.append({
                "index": i,
                "name": name.decode("utf-8", "replace") if name else "",
                "dtype": _dtype_name(t.Type()),
                "shape": [int(t.Shape(k)) for k in range(t.ShapeLength())],
                "quantization": quant,
                "constant": const,
                "variable": bool(t.IsVariable()),
            })
        subgraphs.append({
            "tensors": tensors,
            "inputs": [int(sg.Inputs(k)) for k in range(sg.InputsLength())],
            "outputs": [int(sg.Outputs(k)) for k in range(sg.OutputsLength())],
        })
    return subgraphs


# --------------------------------------------------------------------------
# Running one model
# --------------------------------------------------------------------------

class JobError(Exception):
    pass


def load_inputs(paths):
    import numpy as np
    if len(paths) == 1 and paths[0].endswith(".npz"):
        z = np.load(paths[0])
        keys = sorted((k for k in z.files if k.startswith("in") and k[2:].isdigit()),
                      key=lambda k: int(k[2:]))
        if not keys:
            raise JobError("%s has no in0, in1, ... arrays" % paths[0])
        return [z[k] for k in keys]
    return [np.load(p) for p in paths]


def _clear_dump_dir(dump):
    for f in os.listdir(dump):
        if not f.endswith(".npy"):
            continue
        stem = f[:-4]
        if (stem.startswith("t") and stem[1:].isdigit()) or \
           (stem.startswith("out") and stem[3:].isdigit()) or \
           (stem.startswith("s") and "_t" in stem):
            os.remove(os.path.join(dump, f))


def _import_runtime():
    try:
        from tflite_micro.python.tflite_micro import runtime
    except ImportError as e:
        raise JobError("cannot import tflite_micro (%s); run: pip install -r %s" % (
            e, os.path.join(os.path.dirname(os.path.abspath(__file__)), "requirements.txt")))
    return runtime


def run_model(model_path, input_paths, dump, arena_bytes=DEFAULT_ARENA, invokes=1):
    """Run one model and write the dump. Returns a small summary dict."""
    import numpy as np
    runtime = _import_runtime()

    with open(model_path, "rb") as f:
        data = f.read()
    subgraphs = inspect_model(data)
    if not subgraphs:
        raise JobError("model has no subgraph")
    main = subgraphs[0]
    inputs = load_inputs(input_paths)
    if len(inputs) != len(main["inputs"]):
        raise JobError("model has %d inputs, %d given" % (len(main["inputs"]), len(inputs)))

    interp = runtime.Interpreter.from_bytes(
        data, arena_size=int(arena_bytes),
        intrepreter_config=runtime.InterpreterConfig.kPreserveAllTensors)

    for k, arr in enumerate(inputs):
        det = interp.get_input_details(k)
        want_dtype = np.dtype(det["dtype"])
        want_shape = tuple(int(d) for d in det["shape"])
        arr = np.asarray(arr)
        if arr.dtype != want_dtype:
            raise JobError("input %d: dtype %s, model wants %s" % (k, arr.dtype, want_dtype))
        if arr.size != int(np.prod(want_shape, dtype=np.int64)):
            raise JobError("input %d: shape %s, model wants %s" % (k, arr.shape, want_shape))
        interp.set_input(np.ascontiguousarray(arr.reshape(want_shape)), k)

    # Variable tensors (LSTM / SVDF state) are not initialised by AllocateTensors: reset() sets
    # them to their zero point (int8) or 0, the state mcuc's <prefix>_reset() gives the emitted C.
    interp.reset()
    for _ in range(int(invokes)):
        interp.invoke()

    os.makedirs(dump, exist_ok=True)
    _clear_dump_dir(dump)
    dumped = 0
    for g, sg in enumerate(subgraphs):
        for t in sg["tensors"]:
            t["dumped"] = False
            if t["constant"]:
                continue
            # Never ask for an index outside the model: GetTensor does not check it.
            res = interp.GetTensor(t["index"], g)
            arr = np.array(res["tensor_data"], copy=True)
            name = ("t%d.npy" % t["index"]) if g == 0 else ("s%d_t%d.npy" % (g, t["index"]))
            np.save(os.path.join(dump, name), arr)
            t["dumped"] = True
            dumped += 1
    for k in range(len(main["outputs"])):
        np.save(os.path.join(dump, "out%d.npy" % k), np.array(interp.get_output(k), copy=True))

    meta = {
        "model": os.path.abspath(model_path),
        "inputs": main["inputs"],
        "outputs": main["outputs"],
        "subgraphs": [{"tensors": sg["tensors"], "inputs": sg["inputs"],
                       "outputs": sg["outputs"]} for sg in subgraphs],
    }
    with open(os.path.join(dump, "tensors.json"), "w") as f:
        json.dump(meta, f, indent=1)
    return {"tensors_dumped": dumped, "outputs": len(main["outputs"])}


# --------------------------------------------------------------------------
# Batch mode: parent process + crash-tolerant worker
# --------------------------------------------------------------------------

def _worker_main():
    """Read one JSON job per line on stdin, answer one JSON line per job.

    TFLM writes its diagnostics to the C stdio streams, so fds 1 and 2 are
    pointed at a per-job log file while a job runs; the protocol uses a
    private duplicate of the original stdout.
    """
    proto = os.fdopen(os.dup(1), "w", buffering=1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        job = json.loads(line)
        log_fd = os.open(job["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        saved_err = os.dup(2)
        os.dup2(log_fd, 1)
        os.dup2(log_fd, 2)
        t0 = time.time()
        result = {"id": job["id"], "ok": False}
        try:
            summary = run_model(job["model"], job["inputs"], job["dump"], job["arena_bytes"], job["invokes"])
            result.update(ok=True, **summary)
        except BaseException as e:  # noqa: BLE001 - report everything per job
            result["error"] = "%s: %s" % (type(e).__name__, e)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(devnull, 1)
            os.dup2(saved_err, 2)
            os.close(saved_err)
            os.close(log_fd)
        result["seconds"] = round(time.time() - t0, 4)
        proto.write(json.dumps(result) + "\n")
        proto.flush()


class _Worker:
    def __init__(self):
        self.proc = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "--_worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None,
            text=True, bufsize=1)
        self._buf = ""

    def send(self, job):
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()

    def recv(self, timeout):
        """Return (result dict, None), or (None, reason) if the worker died or timed out."""
        deadline = time.time() + timeout
        fd = self.proc.stdout.fileno()
        while "\n" not in self._buf:
            left = deadline - time.time()
            if left <= 0:
                return None, "timeout after %gs" % timeout
            r, _, _ = select.select([fd], [], [], left)
            if not r:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:   # EOF: the worker is gone
                try:
                    self.proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    pass
                return None, _describe_exit(self.proc.poll())
            self._buf += chunk.decode("utf-8", "replace")
        line, self._buf = self._buf.split("\n", 1)
        return json.loads(line), None

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        return self.proc.returncode

    def close(self):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()


def _describe_exit(code):
    if code is None:
        return "worker still running"
    if code < 0:
        try:
            return "killed by signal %s" % signal.Signals(-code).name
        except ValueError:
            return "killed by signal %d" % -code
    return "worker exited with status %d" % code


def run_batch(jobs, default_arena, timeout, base_dir):
    def absp(p):
        return p if os.path.isabs(p) else os.path.normpath(os.path.join(base_dir, p))

    logdir = tempfile.mkdtemp(prefix="tflm_run_logs_")
    prepared = []
    for i, job in enumerate(jobs):
        inputs = job.get("inputs", [])
        if isinstance(inputs, str):
            inputs = [inputs]
        prepared.append({
            "id": i,
            "model": absp(job["model"]),
            "inputs": [absp(p) for p in inputs],
            "dump": absp(job["dump"]),
            "arena_bytes": int(job.get("arena_bytes", default_arena)),
            "invokes": int(job.get("invokes", 1)),
            "log": os.path.join(logdir, "job%d.log" % i),
        })

    results = []
    worker = None
    try:
        for job in prepared:
            if worker is None:
                worker = _Worker()
            worker.send(job)
            res, reason = worker.recv(timeout)
            if res is None:
                worker.kill()
                worker = None
                res = {"id": job["id"], "ok": False, "error": reason, "crashed": True}
            try:
                with open(job["log"], errors="replace") as f:
                    res["log"] = f.read()[-4000:]
            except OSError:
                res["log"] = ""
            res.update(model=job["model"], dump=job["dump"])
            results.append(res)
    finally:
        if worker is not None:
            worker.close()
        for job in prepared:
            try:
                os.remove(job["log"])
            except OSError:
                pass
        try:
            os.rmdir(logdir)
        except OSError:
            pass
    return results


# --------------------------------------------------------------------------

def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    if argv == ["--_worker"]:
        _worker_main()
        return 0

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model", nargs="?", help=".tflite file (single-model mode)")
    ap.add_argument("--inputs", nargs="+", default=[], help="one .npy per model input, or one .npz")
    ap.add_argument("--dump", help="output directory (single-model mode)")
    ap.add_argument("--arena-bytes", type=int, default=DEFAULT_ARENA,
                    help="tensor arena size (default %d)" % DEFAULT_ARENA)
    ap.add_argument("--batch", help="JSON list of {model, inputs[], dump} jobs")
    ap.add_argument("--results", help="batch mode: write the result list here (default stdout)")
    ap.add_argument("--timeout", type=float, default=300.0, help="batch mode: seconds per job")
    args = ap.parse_args(argv)

    if args.batch:
        if args.model or args.dump:
            ap.error("--batch excludes MODEL and --dump")
        with open(args.batch) as f:
            jobs = json.load(f)
        if not isinstance(jobs, list):
            ap.error("batch file must hold a JSON list")
        t0 = time.time()
        results = run_batch(jobs, args.arena_bytes, args.timeout,
                            os.path.dirname(os.path.abspath(args.batch)))
        nok = sum(1 for r in results if r["ok"])
        text = json.dumps(results, indent=1)
        if args.results:
            with open(args.results, "w") as f:
                f.write(text + "\n")
        else:
            print(text)
        for r in results:
            if not r["ok"]:
                print("FAILED %s: %s" % (r["model"], r["error"]), file=sys.stderr)
        print("tflm_run batch: %d ok, %d failed, %.2fs" % (nok, len(results) - nok, time.time() - t0),
              file=sys.stderr)
        return 0 if nok == len(results) else 1

    if not args.model or not args.dump:
        ap.error("MODEL and --dump are required (or use --batch)")
    try:
        summary = run_model(args.model, args.inputs, args.dump, args.arena_bytes)
    except JobError as e:
        print("tflm_run: %s" % e, file=sys.stderr)
        return 2
    except RuntimeError as e:   # TFLM refused the model (details were printed above by TFLM)
        print("tflm_run: %s: %s" % (args.model, e), file=sys.stderr)
        return 1
    print("tflm_run: %s: %d tensors dumped to %s" % (args.model, summary["tensors_dumped"], args.dump),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
