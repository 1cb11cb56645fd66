using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Deletion;

/// <summary>Stops start-up on <c>Deletion</c> settings that contradict each other, naming them (the ranges are on the options).</summary>
internal sealed class DeletionOptionsValidator : IValidateOptions<DeletionOptions>
{
    public ValidateOptionsResult Validate(string? name, DeletionOptions options) =>
        options.RetryMaxDelay < options.RetryBaseDelay
            ? ValidateOptionsResult.Fail($"Deletion:RetryMaxDelay is {options.RetryMaxDelay}; it must not be shorter than Deletion:RetryBaseDelay ({options.RetryBaseDelay}).")
            : ValidateOptionsResult.Success;
}
