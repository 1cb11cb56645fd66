namespace MediaAdmin.Web.Upload;

/// <summary>The antiforgery token upload.js sends with every upload call, and the header it goes in.</summary>
internal sealed record UploadToken(string HeaderName, string Token);
