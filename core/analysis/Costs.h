#pragma once

#include "CheckedInt.h"

namespace naqsh {

/// Cost counters of one layer (or a sum of layers), for the whole batch where a count depends
/// on it. Parameters and buffers do not depend on the batch.
/// - macs: multiply-accumulates of conv, transposed conv and linear layers, bias excluded;
/// - biasAdds: one add per output value of a layer with a bias;
/// - adds, muls, divs, exps, comps: the other element-wise operations, counted as Netscope and
///   Neural Network Console do (see each layer's help for its rule);
/// - activations: elements of the layer's output tensor.
struct Costs
{
    CheckedInt weights;
    CheckedInt bias;
    CheckedInt buffers;
    CheckedInt macs;
    CheckedInt biasAdds;
    CheckedInt adds;
    CheckedInt muls;
    CheckedInt divs;
    CheckedInt exps;
    CheckedInt comps;
    CheckedInt activations;

    CheckedInt params() const { return weights + bias; }
    /// Operations other than MACs and bias adds.
    CheckedInt otherOps() const { return adds + muls + divs + exps + comps; }
    bool overflowed() const
    {
        return weights.overflowed() || bias.overflowed() || buffers.overflowed() ||
               macs.overflowed() || biasAdds.overflowed() || adds.overflowed() ||
               muls.overflowed() || divs.overflowed() || exps.overflowed() || comps.overflowed() ||
               activations.overflowed();
    }
    Costs &operator+=(const Costs &o);
    Costs &operator-=(const Costs &o);
};

} // namespace naqsh
