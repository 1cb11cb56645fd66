using System.Diagnostics.CodeAnalysis;

namespace MediaAdmin.Core.AlibabaVod;

/// <summary>What a VOD call answered: the value, or the <see cref="VodError"/> that says why not. Never an exception.</summary>
public readonly record struct VodReply<T>
{
    private readonly T? _value;

    private VodReply(T? value, VodError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Why the call failed; <c>null</c> on success.</summary>
    public VodError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; reading it from a failure is a programming error.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error}");

#pragma warning disable CA1000 // The factories belong to the type they make, as Result<T> does.
    public static VodReply<T> Success(T value) => new(value, null);

    public static VodReply<T> Failure(VodError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));
#pragma warning restore CA1000

    /// <summary>The same failure for another value type, or the mapped value (a map may itself fail).</summary>
    public VodReply<TOther> Then<TOther>(Func<T, VodReply<TOther>> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsSuccess ? map(_value!) : VodReply<TOther>.Failure(Error);
    }

#pragma warning disable CA2225 // Success and Failure are the named alternates.
    public static implicit operator VodReply<T>(T value) => Success(value);

    public static implicit operator VodReply<T>(VodError error) => Failure(error);
#pragma warning restore CA2225
}
