using System.Diagnostics.CodeAnalysis;

namespace MediaAdmin.Web.Api;

/// <summary>What a step of an API request gives: a value to go on with, or the <see cref="RpcError"/> to answer instead.</summary>
internal readonly record struct RpcResult<T>
{
    private RpcResult(T? value, RpcError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public RpcError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static implicit operator RpcResult<T>(T value) => new(value, null);

    public static implicit operator RpcResult<T>(RpcError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));
}
