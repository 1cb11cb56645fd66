namespace MediaAdmin.Core.Results;

/// <summary>
/// An expected failure: its kind and a message written for the person who caused it.
/// Converts to any <see cref="Result{T}"/>, so a service writes <c>return Problem.Forbidden("…");</c>.
/// </summary>
public sealed record Problem(ResultStatus Status, string Message)
{
    public static Problem Invalid(string message) => new(ResultStatus.Invalid, message);

    public static Problem Forbidden(string message) => new(ResultStatus.Forbidden, message);

    public static Problem NotFound(string message) => new(ResultStatus.NotFound, message);

    public static Problem Conflict(string message) => new(ResultStatus.Conflict, message);
}
