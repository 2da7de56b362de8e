#pragma once

namespace naqsh {

/// QUndoCommand ids for commands that merge (QUndoCommand::id). One enum for all of them.
enum class CommandId : int {
    SetLayerParam = 1, ///< merges consecutive edits of the same parameters of the same layer
};

} // namespace naqsh
