using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.UrlAuth;

/// <summary>
/// A set key must be 16 to 32 letters and digits. Alibaba's console accepts 6 to 32, but a key is checkable
/// offline against any one signed URL, so a short one can be found by trying them all.
/// </summary>
internal sealed partial class UrlAuthOptionsValidator : IValidateOptions<UrlAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, UrlAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PrivateKey is { } key && !KeyPattern().IsMatch(key))
        {
            failures.Add($"{UrlAuthOptions.Section}:PrivateKey must be 16 to 32 letters and digits (it is {key.Length} characters{(key.Length == 0 ? string.Empty : " or holds other characters")}); remove the setting to turn URL authentication off.");
        }

        if (options.Lifetime <= TimeSpan.Zero)
        {
            failures.Add($"{UrlAuthOptions.Section}:Lifetime must be a positive time span such as 00:30:00 (it is {options.Lifetime}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9]{16,32}$")]
    private static partial Regex KeyPattern();
}
