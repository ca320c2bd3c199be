// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Etabli {

/// What went wrong, as a value callers can branch on. Kept small and shared by every
/// module so the CLI maps any failure to one exit code and one message.
enum class ErrorCode {
    InvalidArgument, ///< the caller's input is malformed (bad size, unknown option value…)
    NotFound, ///< no such tag, lot, file, device…
    BadCheckCharacter, ///< an asset tag whose check character does not match
    TransitionRefused, ///< the lifecycle forbids this move, or a guard is unmet
    Conflict, ///< already exists, or changed under our feet
    Corrupt, ///< data is there but cannot be trusted (checksum, truncated, garbage)
    Unsupported, ///< valid but not something we handle (qcow2 backing file…)
    Refused, ///< a safety rule said no (mounted disk, serial mismatch…)
    Io, ///< the operating system said no (EIO, ENOSPC, permission…)
    Network, ///< a peer could not be reached or answered badly
    Unauthorized, ///< missing or wrong credentials
    Cancelled, ///< the user or a signal stopped the job
    Internal, ///< a bug: an invariant did not hold
};

/// A typed error with a human message (already translated when shown to a worker).
/// `detail` names the precise condition (e.g. the unmet guard) for scripts and tests.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString detail;
};

/// Exit code of the `etabli` CLI for an error, stable for scripts.
inline int exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::BadCheckCharacter:
        return 2;
    case ErrorCode::NotFound:
        return 3;
    case ErrorCode::TransitionRefused:
    case ErrorCode::Refused:
    case ErrorCode::Conflict:
        return 4;
    case ErrorCode::Corrupt:
    case ErrorCode::Unsupported:
        return 5;
    case ErrorCode::Io:
    case ErrorCode::Network:
    case ErrorCode::Unauthorized:
        return 6;
    case ErrorCode::Cancelled:
        return 130;
    case ErrorCode::Internal:
        break;
    }
    return 70;
}

/// Either a value or an Error. A minimal stand-in for std::expected, which clang 14
/// (our fuzzing compiler) cannot compile from libstdc++ 12.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/// Result of an operation that yields nothing but may fail.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {}
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(ErrorCode code, QString message, QString detail = {})
{
    return Error{code, std::move(message), std::move(detail)};
}

} // namespace Etabli
