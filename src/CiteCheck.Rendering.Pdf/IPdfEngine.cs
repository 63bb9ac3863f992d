using CiteCheck.Model;

namespace CiteCheck.Rendering.Pdf;

/// <summary>One way of making the PDF edition: the native engine (PDFsharp, needs nothing installed) or Chromium printing the HTML edition.</summary>
public interface IPdfEngine
{
    /// <summary>The --pdf-engine name.</summary>
    string Name { get; }

    byte[] Render(EditionModel edition, EditionOptions options, IHost host);
}
