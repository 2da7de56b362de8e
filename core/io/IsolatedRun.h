#pragma once

#include <QByteArray>

#include <functional>

namespace naqsh {

/// How a function run by runIsolated ended.
struct IsolatedRunResult
{
    enum class Status {
        Finished,      ///< returned normally; output holds what it returned
        Crashed,       ///< died on a signal or exited with an error (signal holds the signal, or 0)
        TimedOut,      ///< still running when the time limit passed; it was killed
        Cancelled,     ///< keepGoing returned false; it was killed
        TooMuchOutput, ///< returned more than maxOutputBytes; it was killed
    };
    Status status = Status::Crashed;
    QByteArray output;
    int signal = 0;
};

/**
 * Runs work() in a child process (fork) so that a crash or an endless loop inside it — in code
 * Naqsh does not control, such as a library's shape inference — cannot take the program down.
 *
 * The child sees a copy of the parent's memory, so work() may read anything the caller set up;
 * what it returns is sent back through a pipe. The caller polls keepGoing(elapsed ms) about every
 * 50 ms (a progress dialog can process events and report Cancel there); returning false, or
 * running longer than timeoutMs, kills the child at once. work() must not touch Qt objects that
 * own threads or event loops (the child has only the calling thread).
 *
 * On platforms without fork the work runs in-process (and cannot be cancelled).
 */
IsolatedRunResult runIsolated(const std::function<QByteArray()> &work, int timeoutMs,
                              const std::function<bool(qint64 elapsedMs)> &keepGoing = {},
                              qint64 maxOutputBytes = qint64(256) << 20);

} // namespace naqsh
