# Precompiled headers (NAQSH_PCH). Each file still includes what it uses; the lists below are the
# Qt and standard headers that most files of a kind include, parsed once instead of per file.
set(NAQSH_PCH_CORE
    <QCoreApplication> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QLocale> <QSet>
    <QString> <QStringList> <QVariant> <QVector> <algorithm> <array> <functional> <memory>
    <optional> <span> <vector>)
set(NAQSH_PCH_WIDGETS
    ${NAQSH_PCH_CORE}
    <QAction> <QApplication> <QComboBox> <QDialog> <QGraphicsItem> <QGraphicsScene>
    <QGraphicsView> <QHBoxLayout> <QLabel> <QMainWindow> <QMenu> <QPainter> <QPushButton>
    <QSpinBox> <QTimer> <QToolButton> <QUndoStack> <QVBoxLayout> <QWidget> <qcustomplot.h>)

# naqsh_precompile(target CORE|WIDGETS): precompiles that list for target.
function(naqsh_precompile target kind)
    if(NAQSH_PCH)
        target_precompile_headers(${target} PRIVATE ${NAQSH_PCH_${kind}})
    endif()
endfunction()

# Tests are one file per executable: they share two precompiled headers (core tests, widget
# tests), each built by an object library with those tests' libraries and definitions; a test
# reuses one with naqsh_test_use_pch.
function(naqsh_test_precompiled_headers)
    if(NOT NAQSH_PCH)
        return()
    endif()
    file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/naqsh_test_pch.cpp "// precompiled headers only\n")
    foreach(kind CORE WIDGETS)
        string(TOLOWER ${kind} lower)
        set(pch naqsh_test_pch_${lower})
        add_library(${pch} OBJECT ${CMAKE_CURRENT_BINARY_DIR}/naqsh_test_pch.cpp)
        if(kind STREQUAL "WIDGETS")
            target_link_libraries(${pch} PRIVATE naqsh_ui Qt6::Test)
        else()
            target_link_libraries(${pch} PRIVATE naqsh_core Qt6::Test)
        endif()
        target_compile_definitions(${pch} PRIVATE NAQSH_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                                  NAQSH_BINARY_DIR="${PROJECT_BINARY_DIR}")
        target_precompile_headers(${pch} PRIVATE ${NAQSH_PCH_${kind}} <QtTest>)
    endforeach()
endfunction()

# naqsh_test_use_pch(target CORE|WIDGETS)
function(naqsh_test_use_pch target kind)
    string(TOLOWER ${kind} lower)
    if(TARGET naqsh_test_pch_${lower})
        target_precompile_headers(${target} REUSE_FROM naqsh_test_pch_${lower})
    endif()
endfunction()
