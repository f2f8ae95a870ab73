using System.Globalization;
using System.Text;
using System.Xml;
using Lantern.Core.Common;

namespace Lantern.Core.Features.Networks;

/// <summary>
/// Writes what the filter admits for Gephi and other analysts' tools: GraphML (one file), or CSV as Gephi's
/// spreadsheet import reads it (nodes.csv with Id and Label, edges.csv with Source, Target and Type=Undirected).
/// Node labels are the keys unless the caller gives labels (Lantern's keys for phones and documents are hashes; its
/// labels are decrypted values): the caller authorises and audits the export like any other read of case data.
/// </summary>
public static class NetworkExport
{
    public static void WriteGraphMl(NetworkGraph graph, NetworkFilter filter, Stream output, Func<int, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        const string ns = "http://graphml.graphdrawing.org/xmlns";
        var admitted = filter.AdmittedNodes(graph);
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", ns);
        Key(xml, ns, "label", "node", "label");
        Key(xml, ns, "type", "node", "type");
        Key(xml, ns, "relation", "edge", "relation");
        Key(xml, ns, "from", "edge", "from");
        Key(xml, ns, "to", "edge", "to");
        xml.WriteStartElement("graph", ns);
        xml.WriteAttributeString("id", "lantern");
        xml.WriteAttributeString("edgedefault", "undirected");
        for (var v = 0; v < graph.NodeCount; v++)
        {
            if (!admitted[v])
            {
                continue;
            }
            xml.WriteStartElement("node", ns);
            xml.WriteAttributeString("id", NodeId(v));
            Data(xml, ns, "label", label?.Invoke(v) ?? graph.KeyOf(v));
            Data(xml, ns, "type", graph.TypeOf(v).ToString());
            xml.WriteEndElement();
        }
        foreach (var edge in Edges(graph, filter, admitted))
        {
            xml.WriteStartElement("edge", ns);
            xml.WriteAttributeString("id", "e" + edge.Id.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", NodeId(edge.Source));
            xml.WriteAttributeString("target", NodeId(edge.Target));
            Data(xml, ns, "relation", edge.Type.ToString());
            if (edge.From is { } from)
            {
                Data(xml, ns, "from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            if (edge.To is { } to)
            {
                Data(xml, ns, "to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>Gephi's node table: Id, Label, type.</summary>
    public static void WriteNodesCsv(NetworkGraph graph, NetworkFilter filter, TextWriter output, Func<int, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        var admitted = filter.AdmittedNodes(graph);
        output.Write("Id,Label,type\n");
        for (var v = 0; v < graph.NodeCount; v++)
        {
            if (admitted[v])
            {
                output.Write(NodeId(v) + "," + CsvText.Cell(label?.Invoke(v) ?? graph.KeyOf(v)) + "," + graph.TypeOf(v) + "\n");
            }
        }
    }

    /// <summary>Gephi's edge table: Source, Target, Type (always Undirected), Id, relation, from, to.</summary>
    public static void WriteEdgesCsv(NetworkGraph graph, NetworkFilter filter, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        output.Write("Source,Target,Type,Id,relation,from,to\n");
        foreach (var edge in Edges(graph, filter, filter.AdmittedNodes(graph)))
        {
            output.Write(string.Join(',',
                NodeId(edge.Source), NodeId(edge.Target), "Undirected", "e" + edge.Id.ToString(CultureInfo.InvariantCulture),
                edge.Type.ToString(),
                edge.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                edge.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "") + "\n");
        }
    }

    private static IEnumerable<NetworkEdge> Edges(NetworkGraph graph, NetworkFilter filter, bool[] admitted)
    {
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            if (admitted[graph.EdgeSource(e)] && admitted[graph.EdgeTarget(e)] && (!filter.FiltersEdges || filter.AdmitsEdge(graph, e)))
            {
                yield return graph.Edge(e);
            }
        }
    }

    private static string NodeId(int node) => "n" + node.ToString(CultureInfo.InvariantCulture);

    private static void Key(XmlWriter xml, string ns, string id, string scope, string name)
    {
        xml.WriteStartElement("key", ns);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", scope);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", "string");
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string ns, string key, string value)
    {
        xml.WriteStartElement("data", ns);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
