#include "Costs.h"

namespace naqsh {

Costs &Costs::operator+=(const Costs &o)
{
    weights += o.weights;
    bias += o.bias;
    buffers += o.buffers;
    macs += o.macs;
    biasAdds += o.biasAdds;
    adds += o.adds;
    muls += o.muls;
    divs += o.divs;
    exps += o.exps;
    comps += o.comps;
    activations += o.activations;
    return *this;
}

Costs &Costs::operator-=(const Costs &o)
{
    weights = weights - o.weights;
    bias = bias - o.bias;
    buffers = buffers - o.buffers;
    macs = macs - o.macs;
    biasAdds = biasAdds - o.biasAdds;
    adds = adds - o.adds;
    muls = muls - o.muls;
    divs = divs - o.divs;
    exps = exps - o.exps;
    comps = comps - o.comps;
    activations = activations - o.activations;
    return *this;
}

} // namespace naqsh
