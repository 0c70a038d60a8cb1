#!/usr/bin/env bash
# Compiles the vendored schematrons (sch/) once into SaxonJS's SEF (compiled/), run from the
# repository root: bash apps/api/src/documents/peppol/schemas/compile/compile-schematrons.sh
# Step 1: schematron -> XSLT 3.0 with our schematron-to-xslt.xsl; step 2: XSLT -> SEF with
# xslt3's -export (about half a minute for the CEN rules; the tests only load the SEF).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
for name in PEPPOL-EN16931-UBL CEN-EN16931-UBL; do
  npx xslt3 -xsl:"$here/compile/schematron-to-xslt.xsl" -s:"$here/sch/$name.sch" -o:"$here/compiled/$name.xslt"
  npx xslt3 -xsl:"$here/compiled/$name.xslt" -export:"$here/compiled/$name.sef.json" -nogo
done
(cd "$here" && sha256sum sch/*.sch compile/schematron-to-xslt.xsl > compiled/SOURCES.sha256)
