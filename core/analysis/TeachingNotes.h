#pragma once

#include "AnalysisResult.h"

namespace naqsh {

class Graph;

/// A caveat shown beside the numbers. Notes never block an edit.
struct TeachingNote
{
    enum class Kind {
        SqueezeTooHard,
        TooEarly,
        ExcitationIsCheap,
        ShuffleMixesGroups,
        AttentionGrowsWithSquare,
        LinearIsOneByOne
    };
    Kind kind;
    LayerId layer;
    QString title; ///< translated, short
    QString text;  ///< translated, one or two sentences
};

/// The caveats raised in the discussion that started the project and in "Towards Principled
/// Design of Deep Convolutional Networks": a 1×1 convolution that squeezes the channels hard
/// (to below a quarter of its input) risks a representational bottleneck; one that sits very
/// early in a network (among the first two convolutions after the input, or on a map of 112×112
/// or more) reduces low-level features before any spatial context has been gathered.
///
/// The lessons of the blocks that come after it: a squeeze-and-excitation block costs almost
/// nothing because its 1×1 convolutions work on a 1×1 map; a channel shuffle is what lets the
/// groups of a grouped 1×1 (or ShuffleNet v2's split) exchange information; attention's Q·Kᵀ and
/// A·V grow with the square of the token count while its projections grow linearly; a Linear
/// layer over the channels of every pixel (ConvNeXt's MLP) is a 1×1 convolution.
QVector<TeachingNote> teachingNotes(const Graph &graph, const AnalysisResult &result);

} // namespace naqsh
