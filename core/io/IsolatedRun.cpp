#include "IsolatedRun.h"

#include <QElapsedTimer>
#include <QtGlobal>

#include <exception>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace naqsh {

#ifdef Q_OS_UNIX

namespace {

void writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        data += n;
        size -= n;
    }
}

[[noreturn]] void runChild(int fd, const std::function<QByteArray()> &work)
{
    // A crash must end the child quietly: no core file, no sanitizer or fuzzer report inherited
    // from the parent's handlers, nothing on the terminal.
    for (const int sig : {SIGSEGV, SIGFPE, SIGBUS, SIGILL, SIGABRT, SIGTRAP})
        std::signal(sig, SIG_DFL);
    struct rlimit noCore = {0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    const int devNull = ::open("/dev/null", O_WRONLY);
    if (devNull >= 0) {
        ::dup2(devNull, STDOUT_FILENO);
        ::dup2(devNull, STDERR_FILENO);
    }
    int code = 0;
    try {
        const QByteArray out = work();
        writeAll(fd, out.constData(), out.size());
    } catch (...) {
        code = 3;
    }
    ::close(fd);
    ::_exit(code);
}

void killChild(pid_t pid)
{
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
}

} // namespace

IsolatedRunResult runIsolated(const std::function<QByteArray()> &work, int timeoutMs,
                              const std::function<bool(qint64)> &keepGoing, qint64 maxOutputBytes)
{
    IsolatedRunResult result;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        result.output = work();
        result.status = IsolatedRunResult::Status::Finished;
        return result;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        result.output = work();
        result.status = IsolatedRunResult::Status::Finished;
        return result;
    }
    if (pid == 0) {
        ::close(fds[0]);
        runChild(fds[1], work);
    }
    ::close(fds[1]);
    QElapsedTimer clock;
    clock.start();
    auto stop = [&](IsolatedRunResult::Status status) {
        ::close(fds[0]);
        killChild(pid);
        result.status = status;
        result.output.clear();
        return result;
    };
    auto checkTime = [&]() -> int {
        if (clock.elapsed() > timeoutMs)
            return 1;
        if (keepGoing && !keepGoing(clock.elapsed()))
            return 2;
        return 0;
    };
    char buffer[1 << 16];
    for (;;) {
        pollfd p = {fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, 50);
        if (ready < 0 && errno != EINTR)
            return stop(IsolatedRunResult::Status::Crashed);
        if (ready > 0) {
            const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
            if (n == 0)
                break;
            if (n < 0 && errno != EINTR && errno != EAGAIN)
                return stop(IsolatedRunResult::Status::Crashed);
            if (n > 0) {
                result.output.append(buffer, n);
                if (result.output.size() > maxOutputBytes)
                    return stop(IsolatedRunResult::Status::TooMuchOutput);
            }
        }
        if (const int why = checkTime())
            return stop(why == 1 ? IsolatedRunResult::Status::TimedOut
                                 : IsolatedRunResult::Status::Cancelled);
    }
    ::close(fds[0]);
    // The pipe is closed: the child is exiting (or crashed). Reap it, still bounded in time.
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid)
            break;
        if (done < 0 && errno != EINTR) {
            result.status = IsolatedRunResult::Status::Crashed;
            return result;
        }
        if (const int why = checkTime()) {
            killChild(pid);
            result.output.clear();
            result.status = why == 1 ? IsolatedRunResult::Status::TimedOut
                                     : IsolatedRunResult::Status::Cancelled;
            return result;
        }
        ::usleep(2000);
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        result.status = IsolatedRunResult::Status::Finished;
        return result;
    }
    result.output.clear();
    result.status = IsolatedRunResult::Status::Crashed;
    result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    return result;
}

#else

IsolatedRunResult runIsolated(const std::function<QByteArray()> &work, int,
                              const std::function<bool(qint64)> &, qint64)
{
    IsolatedRunResult result;
    result.output = work();
    result.status = IsolatedRunResult::Status::Finished;
    return result;
}

#endif

} // namespace naqsh
