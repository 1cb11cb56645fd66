using System.Diagnostics.CodeAnalysis;

namespace MediaAdmin.Core.Results;

/// <summary>
/// What a Core service answers when "not allowed", "not found" or "invalid" are expected outcomes:
/// either a value or a <see cref="Problem"/>, never <c>null</c> or an exception. Pages and the API
/// translate it once, at the edge.
/// </summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Problem? problem)
    {
        _value = value;
        Problem = problem;
    }

    /// <summary>Why it failed; <c>null</c> on success.</summary>
    public Problem? Problem { get; }

    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsSuccess => Problem is null;

    public ResultStatus Status => Problem?.Status ?? ResultStatus.Ok;

    /// <summary>The value; reading it from a failure is a programming error.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Problem.Status}: {Problem.Message}");

    /// <summary>The message to show, or <c>null</c> on success.</summary>
    public string? Error => Problem?.Message;

#pragma warning disable CA1000 // The factories belong to the type they make, as in every Result library.
    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Problem problem) => new(default, problem ?? throw new ArgumentNullException(nameof(problem)));
#pragma warning restore CA1000

    [MemberNotNullWhen(false, nameof(Problem))]
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsSuccess;
    }

    /// <summary>The same failure for another value type, or the mapped value.</summary>
    public Result<TOther> Map<TOther>(Func<T, TOther> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsSuccess ? Result<TOther>.Success(map(_value!)) : Result<TOther>.Failure(Problem);
    }

#pragma warning disable CA2225 // Success and Failure are the named alternates.
    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Problem problem) => Failure(problem);
#pragma warning restore CA2225
}

/// <summary>Factories for results that carry no value beyond "done".</summary>
public static class Result
{
    public static Result<Done> Ok() => Result<Done>.Success(Done.Value);
}

/// <summary>The value of a result that only says it was done.</summary>
public readonly record struct Done
{
    public static Done Value => default;
}
