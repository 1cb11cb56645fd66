using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Sources;

/// <summary>Stops start-up when <c>Library:Source</c> names no source, with the values it may take.</summary>
internal sealed class LibrarySourceOptionsValidator(IConfiguration configuration) : IValidateOptions<LibrarySourceOptions>
{
    public ValidateOptionsResult Validate(string? name, LibrarySourceOptions options) =>
        LibrarySourceSetting.Read(configuration) is { IsSuccess: false } invalid ? ValidateOptionsResult.Fail(invalid.Problem.Message) : ValidateOptionsResult.Success;
}
