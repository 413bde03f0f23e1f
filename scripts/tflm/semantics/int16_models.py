"""Python models of TFLM's int16 LOGISTIC / TANH, int16 SOFTMAX and integer LSTM, written from
docs/OPERATOR_SEMANTICS.md; check_semantics.py compares them with the oracle."""
import ctypes
import math
import os
import subprocess
import sys

import numpy as np

from qmath import checked_log2, f32, mbqm, mbqm64, qm, round_away

HERE = os.path.dirname(os.path.abspath(__file__))
# TFLM's int16 sigmoid table, measured from the oracle (see derive_sigmoid_table.py).
T = [int(v) for v in subprocess.check_output(
    [sys.executable, os.path.join(HERE, "..", "derive_sigmoid_table.py")]).split()]

def logistic16(x, mult=0, ls=0):
    if mult==0: mult=3<<ls; ls=0
    rnd=(1<<(ls-1)) if ls>0 else 0
    v=(x*mult+rnd)>>ls; a=abs(v); uh=a>>9
    if uh>=255: r=0x7FFF<<10
    else: r=(T[uh]<<9)+(a&0x1ff)*(T[uh+1]-T[uh])
    r = r+(1<<9) if v>=0 else (1<<25)-r+(1<<9)-1
    r>>=10
    return ((r+32768)&0xFFFF)-32768
def tanh16(x, mult=0, ls=0):
    if mult==0: mult=3<<ls; ls=0
    rnd=(1<<(ls-1)) if ls>0 else 0
    v=(x*mult+rnd)>>ls; a=abs(v); uh=a>>8
    if uh>=255: r=0xFFFF<<8
    else: r=(T[uh]<<8)+(a&0xff)*(T[uh+1]-T[uh])
    r = r-(1<<23)+(1<<7) if v>=0 else -r+(1<<23)+(1<<7)-1
    r>>=8
    return ((r+32768)&0xFFFF)-32768
sat16=lambda v: max(-32768,min(32767,v))
def lstm(x, W, R, B, h0, c0, xq, hq, cs, clip, time_major, i16):
    """x: [B,T,I] or [T,B,I] ints; W[g] [S,I], R[g] [S,S], B[g] [S]; returns out, h, c."""
    Mx={}; Mh={}
    for g in W:
        Mx[g]=qm(float(xq[0])*float(W[g][1])/2**-12)
        Mh[g]=qm(float(hq[0])*float(R[g][1])/2**-12)
    M_fc=qm(float(f32(2**-15))*float(f32(cs))/float(f32(cs)))
    M_ig=qm(float(f32(2**-15))*float(f32(2**-15))/float(f32(cs)))
    M_oh=qm(float(f32(2**-15))*float(f32(2**-15))/float(f32(hq[0])))
    p=checked_log2(cs)
    clipq=int(np.int16(min(max(float(clip)/float(f32(cs)),-32768.0),32767.0)))
    hmin,hmax=(-32768,32767) if i16 else (-128,127)
    if time_major: x=np.swapaxes(x,0,1)
    Bn,Tn,I=x.shape; S=len(h0[0])
    h=[list(r) for r in h0]; c=[list(r) for r in c0]
    out=np.zeros((Bn,Tn,S),np.int64)
    mb = mbqm64 if i16 else mbqm
    def fc(vec, Wm, bias, M, zp):
        res=[]
        for s in range(S):
            acc=sum(int(Wm[s][i])*(int(vec[i])-zp) for i in range(len(vec)))
            if bias is not None: acc+=int(bias[s])
            res.append(max(-32768,min(32767,mb(acc,*M))))
        return res
    order = [(b,t) for t in range(Tn) for b in range(Bn)] if time_major else [(b,t) for b in range(Bn) for t in range(Tn)]
    for b,t in order:
        xt=x[b,t]
        def gate(g, act):
            a=fc(xt,W[g][0],B[g],Mx[g],xq[1]); r=fc(h[b],R[g][0],None,Mh[g],hq[1])
            v=[sat16(a[i]+r[i]) for i in range(S)]
            return [act(q) for q in v]
        fg=gate("forget",logistic16); ig=gate("input",logistic16); cg=gate("cell",tanh16)
        c1=[max(-32768,min(32767,mbqm(fg[i]*c[b][i],*M_fc))) for i in range(S)]
        tmp=[max(-32768,min(32767,mbqm(ig[i]*cg[i],*M_ig))) for i in range(S)]
        c[b]=[sat16(c1[i]+tmp[i]) for i in range(S)]
        if clip>0: c[b]=[max(-clipq,min(clipq,v)) for v in c[b]]
        og=gate("output",logistic16)
        ls=15+p-3; mult=0
        if ls<0: ls=-ls; mult=3
        tc=[tanh16(v,mult,ls) for v in c[b]]
        h[b]=[max(hmin,min(hmax,mbqm(og[i]*tc[i],*M_oh)+hq[1])) for i in range(S)]
        out[b,t]=h[b]
    if time_major: out=np.swapaxes(out,0,1)
    return out, h, c


def _lut16(in_s, in_zp, out_s, out_zp, fn):
    """TFLM's LUTPopulateInt16<float> (513 entries, midpoint bias correction)."""
    f, rnd = f32, lambda v: f32(round_away(v))
    in_s, out_s = f(in_s), f(out_s)
    imin, imax = f(in_s * f(-32768 - in_zp)), f(in_s * f(32767 - in_zp))
    omin, omax = f(out_s * f(-32768 - out_zp)), f(out_s * f(32767 - out_zp))
    step = f((imax - imin) / f(512))
    half = f(step / f(2))
    osi = f(f(65536) / f(omax - omin))
    t = []
    for i in range(512):
        base = f(imin + f(f(i) * step))
        val, vm, vn = fn(base), fn(f(base + half)), fn(f(imin + f(f(i + 1) * step)))
        sv = rnd(f(val * osi))
        miv = rnd(f(f(f(vn * osi) + rnd(f(val * osi))) / f(2)))
        bias = rnd(f(f(miv - rnd(f(vm * osi))) / f(2)))
        t.append(int(min(max(f(sv - bias), f(-32768)), f(32767))))
    t.append(int(min(max(rnd(f(fn(imax) * osi)), f(-32768)), f(32767))))
    return t


_libm = ctypes.CDLL("libm.so.6")
_libm.expf.restype = ctypes.c_float
_libm.expf.argtypes = [ctypes.c_float]
EXP_LUT = _lut16(f32(f32(10) / f32(65535)), 32767, f32(f32(2) / f32(65535)), 0,
                 lambda v: f32(_libm.expf(float(v))))
RECIP_LUT = _lut16(f32(f32(1) / f32(65535)), -32768, f32(f32(2) / f32(65535)), 0,
                   lambda v: f32(f32(1) / f32(f32(1) + v)))


def _lookup(v, t):
    i, off = 256 + (v >> 7), v & 0x7F
    return ((t[i] + (((t[i + 1] - t[i]) * off + 64) >> 7)) + 32768) % 65536 - 32768


def softmax16_row(x, m, ls):
    """reference_ops::SoftmaxInt16 for one row of int16 values."""
    mx = max(x)
    exps = [_lookup(max(-32768, min(32767, mbqm(v - mx, m, ls) + 32767)), EXP_LUT) for v in x]
    s = sum(exps)
    h = 32 - s.bit_length()
    shifted = ((s << (h - 1)) + (1 << 13)) >> 14
    r = _lookup(max(-32768, min(32767, shifted - ((1 << 15) + (1 << 16)))), RECIP_LUT)
    rs = 31 - h
    return [max(0, min(32767, (e * r + (1 << (rs - 1))) >> rs)) for e in exps]


def sigmoid16_prepare(scale, op):
    """(input_multiplier, input_left_shift) of int16 LOGISTIC / TANH."""
    l = np.log(f32(scale)) * (f32(1) / np.log(f32(2)))
    pot = abs(float(l) - round_away(l)) < 1e-3
    ls = 12 + checked_log2(scale)
    if pot and (ls == 0 or (op == "TANH" and ls == 1)):
        return 0, ls
    m, ls = float(f32(scale)) * 4096.0 * 3.0, 0
    while m <= 32767.0 / 2.0 and ls <= 30:
        ls += 1
        m *= 2.0
    return int(m), ls
