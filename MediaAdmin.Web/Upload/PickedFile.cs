namespace MediaAdmin.Web.Upload;

/// <summary>A file the user picked or dropped, as upload.js announces it (the File itself stays in the browser).</summary>
public sealed record PickedFile(int Key, string Name, long SizeBytes);
