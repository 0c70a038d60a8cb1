<?xml version="1.0" encoding="UTF-8"?>
<!--
  Compiles an ISO Schematron schema with queryBinding="xslt2" into an XSLT 3.0 validator whose
  output is SVRL (failed-assert with id, flag, location and text; the same shape as the CEN's own
  compiled XSLT), so that SaxonJS can run the Peppol and CEN rules without Java.

  Written for the subset the Peppol BIS Billing 3.0 and CEN EN 16931 UBL schematrons use (and it
  refuses anything else, rather than guess): ns, let (schema, pattern and rule level), pattern,
  rule/@context, assert/@id/@flag/@test with plain text, xsl:function, title/p/phase (ignored:
  every pattern is active, as in the default phase). The semantics are ISO Schematron's, as the
  ISO skeleton implements them: each pattern is one mode; within a pattern a node is checked by
  the first rule whose context matches it (rules get falling priorities), and the walk goes on
  into its attributes and child elements; an assert fails when the effective boolean value of its
  test is false. Schema- and pattern-level lets are global variables over the document.

  Run once with xslt3 (compile-schematrons.sh); the generated XSLT is then compiled to SEF.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:axsl="urn:factoring:generated-xsl"
  xmlns:svrl="http://purl.oclc.org/dsdl/svrl"
  exclude-result-prefixes="sch">

  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:template match="/sch:schema">
    <xsl:if test="@queryBinding != 'xslt2'">
      <xsl:message terminate="yes">Only queryBinding="xslt2" is supported, not <xsl:value-of select="@queryBinding"/>.</xsl:message>
    </xsl:if>
    <axsl:stylesheet version="3.0" exclude-result-prefixes="#all">
      <xsl:for-each select="sch:ns">
        <xsl:namespace name="{@prefix}" select="string(@uri)"/>
      </xsl:for-each>
      <xsl:comment> Generated from "<xsl:value-of select="normalize-space(sch:title)"/>" by schematron-to-xslt.xsl; do not edit. </xsl:comment>
      <axsl:output method="xml" indent="yes"/>
      <xsl:apply-templates select="sch:let | sch:pattern/sch:let" mode="global"/>
      <xsl:copy-of select="xsl:*"/>
      <axsl:template match="/">
        <svrl:schematron-output title="{normalize-space(sch:title)}">
          <xsl:for-each select="sch:pattern">
            <axsl:apply-templates select="/" mode="M{position()}"/>
          </xsl:for-each>
        </svrl:schematron-output>
      </axsl:template>
      <xsl:apply-templates select="sch:pattern"/>
    </axsl:stylesheet>
  </xsl:template>

  <xsl:template match="sch:let" mode="global">
    <axsl:variable name="{@name}" select="{@value}"/>
  </xsl:template>

  <xsl:template match="sch:pattern">
    <xsl:variable name="mode" select="'M' || position()"/>
    <xsl:for-each select="*">
      <xsl:choose>
        <xsl:when test="self::sch:rule"/>
        <xsl:when test="self::sch:let | self::sch:title | self::sch:p"/>
        <xsl:otherwise>
          <xsl:message terminate="yes">Unsupported in a pattern: <xsl:value-of select="name()"/></xsl:message>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:for-each select="sch:rule">
      <xsl:if test="@abstract = 'true' or sch:extends or not(@context)">
        <xsl:message terminate="yes">Unsupported rule (abstract, extends or no context) in pattern <xsl:value-of select="$mode"/>.</xsl:message>
      </xsl:if>
      <axsl:template match="{@context}" mode="{$mode}" priority="{1000 + last() - position()}">
        <xsl:for-each select="*">
          <xsl:choose>
            <xsl:when test="self::sch:let">
              <axsl:variable name="{@name}" select="{@value}"/>
            </xsl:when>
            <xsl:when test="self::sch:assert">
              <xsl:if test="* or not(@test)">
                <xsl:message terminate="yes">Unsupported assert (markup in its text, or no test): <xsl:value-of select="@id"/></xsl:message>
              </xsl:if>
              <axsl:if test="not({@test})">
                <svrl:failed-assert id="{@id}" flag="{(@flag, 'fatal')[1]}">
                  <axsl:attribute name="location" select="path()"/>
                  <svrl:text><xsl:value-of select="normalize-space(.)"/></svrl:text>
                </svrl:failed-assert>
              </axsl:if>
            </xsl:when>
            <xsl:otherwise>
              <xsl:message terminate="yes">Unsupported in a rule: <xsl:value-of select="name()"/></xsl:message>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <axsl:apply-templates select="@*|*" mode="{$mode}"/>
      </axsl:template>
    </xsl:for-each>
    <axsl:template match="text()" mode="{$mode}" priority="-1"/>
    <axsl:template match="@*|node()" mode="{$mode}" priority="-2">
      <axsl:apply-templates select="@*|*" mode="{$mode}"/>
    </axsl:template>
  </xsl:template>
</xsl:stylesheet>
